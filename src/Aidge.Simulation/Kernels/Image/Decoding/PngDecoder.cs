using System.IO.Compression;

namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>
/// PNG, non-interlaced: 8-bit truecolour (with or without alpha), 8-bit gray (with or without alpha) and
/// palette or gray at 1, 2, 4 or 8 bits. Alpha is dropped, as the output is RGB. The IDAT chunks are
/// concatenated, inflated with zlib and unfiltered row by row (None, Sub, Up, Average, Paeth).
/// </summary>
internal static class PngDecoder
{
    private const string Format = "PNG";
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool Matches(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    public static RgbImage Decode(ReadOnlySpan<byte> data)
    {
        var header = PngHeader.Read(data, Signature.Length);
        var compressed = new MemoryStream();
        byte[]? palette = null;
        for (long offset = Signature.Length; ;)
        {
            uint length = ByteFields.UInt32(data, offset, true, Format);
            var type = ByteFields.Slice(data, offset + 4, 4, Format);
            var body = ByteFields.Slice(data, offset + 8, length, Format);
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
            if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(body);
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                palette = body.ToArray();
            }
            offset += 12 + (long)length;
        }
        int samples = header.SamplesPerPixel;
        long rowBytes = (header.Width * samples * header.BitDepth + 7) / 8;
        // Deflate expands at most about 1032:1, so more filtered bytes than that bound means a lying header.
        long filteredBytes = (rowBytes + 1) * header.Height;
        var image = RgbImage.Allocate(header.Width, header.Height, Format, (rowBytes + 1.0) / header.Width, compressed.Length * 1032L + 64);
        var raw = Inflate(compressed, filteredBytes);
        int bytesPerPixel = Math.Max(1, samples * header.BitDepth / 8);
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        for (int y = 0; y < image.Height; y++)
        {
            var line = raw.AsSpan((int)((rowBytes + 1) * y), (int)rowBytes + 1);
            line[1..].CopyTo(current);
            PngFilters.Unfilter(line[0], current, previous, bytesPerPixel);
            WriteRow(image, y, current, header, palette);
            (previous, current) = (current, previous);
        }
        return image;
    }

    private static void WriteRow(RgbImage image, int y, ReadOnlySpan<byte> row, PngHeader header, byte[]? palette)
    {
        for (int x = 0; x < image.Width; x++)
        {
            switch (header.ColorType)
            {
                case PngHeader.Truecolor or PngHeader.TruecolorAlpha:
                    int at = x * header.SamplesPerPixel;
                    image.Set(x, y, row[at], row[at + 1], row[at + 2]);
                    break;
                case PngHeader.GrayAlpha:
                    byte gray = row[x * 2];
                    image.Set(x, y, gray, gray, gray);
                    break;
                case PngHeader.Gray:
                    byte level = ScaleToByte(Packed(row, x, header.BitDepth), header.BitDepth);
                    image.Set(x, y, level, level, level);
                    break;
                default:
                    int index = Packed(row, x, header.BitDepth);
                    if (palette is null || index * 3 + 2 >= palette.Length)
                    {
                        throw new ArgumentException($"PNG palette index {index} is outside the palette.");
                    }
                    image.Set(x, y, palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]);
                    break;
            }
        }
    }

    /// <summary>The x-th sample of a row packed at bitDepth bits per sample, most significant bits first.</summary>
    private static int Packed(ReadOnlySpan<byte> row, int x, int bitDepth)
    {
        if (bitDepth == 8)
        {
            return row[x];
        }
        int bit = x * bitDepth;
        return (row[bit / 8] >> (8 - bitDepth - bit % 8)) & ((1 << bitDepth) - 1);
    }

    private static byte ScaleToByte(int sample, int bitDepth) => (byte)(sample * 255 / ((1 << bitDepth) - 1));

    /// <summary>Inflates exactly the bytes the image needs; zlib errors or a short stream are malformed input.</summary>
    private static byte[] Inflate(MemoryStream compressed, long expected)
    {
        var raw = new byte[expected];
        try
        {
            compressed.Position = 0;
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            zlib.ReadExactly(raw);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ArgumentException($"PNG image data is corrupt or truncated: {e.Message}", e);
        }
        return raw;
    }
}
