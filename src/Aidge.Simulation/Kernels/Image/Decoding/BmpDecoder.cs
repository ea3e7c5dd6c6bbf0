namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>
/// Windows bitmaps: uncompressed (BI_RGB) 24- and 32-bit pixels, stored BGR(A) with rows padded to four bytes,
/// bottom-up when the height is positive and top-down when it is negative.
/// </summary>
internal static class BmpDecoder
{
    private const string Format = "BMP";

    public static bool Matches(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 'B' && data[1] == 'M';

    public static RgbImage Decode(ReadOnlySpan<byte> data)
    {
        uint pixelOffset = ByteFields.UInt32(data, 10, false, Format);
        uint headerSize = ByteFields.UInt32(data, 14, false, Format);
        long width, height;
        int bitsPerPixel;
        uint compression = 0;
        if (headerSize == 12)
        {
            // OS/2 BITMAPCOREHEADER: 16-bit sizes, never compressed.
            width = ByteFields.UInt16(data, 18, false, Format);
            height = (short)ByteFields.UInt16(data, 20, false, Format);
            bitsPerPixel = ByteFields.UInt16(data, 24, false, Format);
        }
        else if (headerSize >= 40)
        {
            width = (int)ByteFields.UInt32(data, 18, false, Format);
            height = (int)ByteFields.UInt32(data, 22, false, Format);
            bitsPerPixel = ByteFields.UInt16(data, 28, false, Format);
            compression = ByteFields.UInt32(data, 30, false, Format);
        }
        else
        {
            throw new ArgumentException($"BMP header size {headerSize} is not a known bitmap header.");
        }
        if (compression != 0 || bitsPerPixel is not (24 or 32))
        {
            throw new NotSupportedException($"BMP with {bitsPerPixel} bits per pixel and compression {compression} is not supported (uncompressed 24- and 32-bit are).");
        }
        bool topDown = height < 0;
        height = Math.Abs(height);
        int bytesPerPixel = bitsPerPixel / 8;
        long stride = (width * bytesPerPixel + 3) / 4 * 4;
        var image = RgbImage.Allocate(width, height, Format, bytesPerPixel, data.Length - (long)pixelOffset);
        var pixels = ByteFields.Slice(data, pixelOffset, stride * height, Format);
        for (int row = 0; row < image.Height; row++)
        {
            var line = pixels.Slice((int)(row * stride), (int)stride);
            int y = topDown ? row : image.Height - 1 - row;
            for (int x = 0; x < image.Width; x++)
            {
                int at = x * bytesPerPixel;
                image.Set(x, y, line[at + 2], line[at + 1], line[at]);
            }
        }
        return image;
    }
}
