namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>The IHDR chunk, checked against the layouts <see cref="PngDecoder"/> reads.</summary>
internal sealed record PngHeader(long Width, long Height, int BitDepth, int ColorType)
{
    public const int Gray = 0;
    public const int Truecolor = 2;
    public const int Palette = 3;
    public const int GrayAlpha = 4;
    public const int TruecolorAlpha = 6;

    private const string Format = "PNG";

    public int SamplesPerPixel => ColorType switch
    {
        Truecolor => 3,
        GrayAlpha => 2,
        TruecolorAlpha => 4,
        _ => 1,
    };

    /// <summary>Reads IHDR, which must be the first chunk after the signature.</summary>
    public static PngHeader Read(ReadOnlySpan<byte> data, int offset)
    {
        if (ByteFields.UInt32(data, offset, true, Format) != 13 || !ByteFields.Slice(data, offset + 4, 4, Format).SequenceEqual("IHDR"u8))
        {
            throw new ArgumentException("PNG does not start with a 13-byte IHDR chunk.");
        }
        var body = ByteFields.Slice(data, offset + 8, 13, Format);
        var header = new PngHeader(
            ByteFields.UInt32(body, 0, true, Format), ByteFields.UInt32(body, 4, true, Format), body[8], body[9]);
        bool lowBitsAllowed = header.ColorType is Gray or Palette;
        if (header.ColorType is not (Gray or Truecolor or Palette or GrayAlpha or TruecolorAlpha)
            || !(header.BitDepth == 8 || (lowBitsAllowed && header.BitDepth is 1 or 2 or 4)))
        {
            throw new NotSupportedException($"PNG colour type {header.ColorType} at {header.BitDepth} bits is not supported (8-bit, or 1/2/4-bit gray and palette, are).");
        }
        if (body[10] != 0 || body[11] != 0)
        {
            throw new ArgumentException("PNG uses an unknown compression or filter method.");
        }
        if (body[12] != 0)
        {
            throw new NotSupportedException("Interlaced (Adam7) PNG is not supported.");
        }
        return header;
    }
}
