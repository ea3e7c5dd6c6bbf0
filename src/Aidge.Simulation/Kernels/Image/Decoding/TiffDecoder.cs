namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>
/// Baseline TIFF, first image only: uncompressed 8-bit strips, chunky (interleaved) samples, RGB (extra
/// samples such as alpha ignored) or gray (BlackIsZero or WhiteIsZero), in either byte order.
/// </summary>
internal static class TiffDecoder
{
    private const string Format = "TIFF";

    public static bool Matches(ReadOnlySpan<byte> data) =>
        data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8);

    public static RgbImage Decode(ReadOnlySpan<byte> data)
    {
        var tags = TiffTags.Read(data);
        long width = tags.Single(TiffTags.ImageWidth);
        long height = tags.Single(TiffTags.ImageLength);
        long samples = tags.Single(TiffTags.SamplesPerPixel, 1);
        long photometric = tags.Single(TiffTags.Photometric);
        long[] bits = tags.All(TiffTags.BitsPerSample) ?? [1];
        long compression = tags.Single(TiffTags.Compression, 1);
        long planar = tags.Single(TiffTags.PlanarConfiguration, 1);
        bool rgb = photometric == 2 && samples >= 3;
        bool gray = photometric is 0 or 1 && samples >= 1;
        if (compression != 1 || planar != 1 || !(rgb || gray) || bits.Any(b => b != 8))
        {
            throw new NotSupportedException(
                $"TIFF with compression {compression}, planar configuration {planar}, photometric {photometric} and {string.Join("/", bits)} bits is not supported (uncompressed 8-bit chunky RGB or gray is).");
        }
        long rowsPerStrip = Math.Min(tags.Single(TiffTags.RowsPerStrip, uint.MaxValue), height);
        long[] offsets = tags.All(TiffTags.StripOffsets) ?? throw new ArgumentException("TIFF has no StripOffsets.");
        var image = RgbImage.Allocate(width, height, Format, samples, data.Length);
        long rowBytes = width * samples;
        if (rowsPerStrip <= 0 || offsets.Length < (height + rowsPerStrip - 1) / rowsPerStrip)
        {
            throw new ArgumentException($"TIFF has {offsets.Length} strips for {height} rows of {rowsPerStrip}.");
        }
        for (int y = 0; y < image.Height; y++)
        {
            long strip = y / rowsPerStrip;
            var row = ByteFields.Slice(data, offsets[strip] + (y - strip * rowsPerStrip) * rowBytes, rowBytes, Format);
            for (int x = 0; x < image.Width; x++)
            {
                int at = (int)(x * samples);
                if (rgb)
                {
                    image.Set(x, y, row[at], row[at + 1], row[at + 2]);
                }
                else
                {
                    byte level = photometric == 0 ? (byte)(255 - row[at]) : row[at];
                    image.Set(x, y, level, level, level);
                }
            }
        }
        return image;
    }
}
