namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>The integer tags of a TIFF file's first image file directory (IFD).</summary>
internal sealed class TiffTags
{
    public const int ImageWidth = 256;
    public const int ImageLength = 257;
    public const int BitsPerSample = 258;
    public const int Compression = 259;
    public const int Photometric = 262;
    public const int StripOffsets = 273;
    public const int SamplesPerPixel = 277;
    public const int RowsPerStrip = 278;
    public const int PlanarConfiguration = 284;

    private const string Format = "TIFF";

    /// <summary>More values than any real directory holds; caps what a corrupt count can make us read.</summary>
    private const long MaxValuesPerTag = 1 << 24;

    private readonly Dictionary<int, long[]> values = new();

    public static TiffTags Read(ReadOnlySpan<byte> data)
    {
        bool bigEndian = data[0] == 'M';
        long directory = ByteFields.UInt32(data, 4, bigEndian, Format);
        int count = ByteFields.UInt16(data, directory, bigEndian, Format);
        var tags = new TiffTags();
        for (int i = 0; i < count; i++)
        {
            long entry = directory + 2 + 12L * i;
            int tag = ByteFields.UInt16(data, entry, bigEndian, Format);
            int type = ByteFields.UInt16(data, entry + 2, bigEndian, Format);
            long valueCount = ByteFields.UInt32(data, entry + 4, bigEndian, Format);
            // Only BYTE, SHORT and LONG values matter here; other types (text, rationals) are skipped.
            int size = type switch { 1 => 1, 3 => 2, 4 => 4, _ => 0 };
            if (size == 0)
            {
                continue;
            }
            if (valueCount > MaxValuesPerTag)
            {
                throw new ArgumentException($"TIFF tag {tag} claims {valueCount} values.");
            }
            long start = valueCount * size <= 4 ? entry + 8 : ByteFields.UInt32(data, entry + 8, bigEndian, Format);
            var field = ByteFields.Slice(data, start, valueCount * size, Format);
            var read = new long[valueCount];
            for (int v = 0; v < read.Length; v++)
            {
                read[v] = size switch
                {
                    1 => field[v],
                    2 => ByteFields.UInt16(field, v * 2L, bigEndian, Format),
                    _ => ByteFields.UInt32(field, v * 4L, bigEndian, Format),
                };
            }
            tags.values[tag] = read;
        }
        return tags;
    }

    public long[]? All(int tag) => values.GetValueOrDefault(tag);

    /// <summary>The tag's single value, or <paramref name="fallback"/> when absent; a required tag has no fallback.</summary>
    public long Single(int tag, long? fallback = null) =>
        values.TryGetValue(tag, out var found) && found.Length > 0 ? found[0]
        : fallback ?? throw new ArgumentException($"TIFF lacks required tag {tag}.");
}
