namespace Aidge.Export.C;

/// <summary>
/// The constant data of a model as one binary file that the generated library pulls in with <c>.incbin</c>:
/// a 100 MB model then compiles as fast as a small one (no giant C initializer), and the data is read-only.
/// Every tensor starts at a 64-byte aligned offset, the widest vector load the kernels may use.
/// </summary>
public sealed class WeightsBlob
{
    public const int Alignment = 64;

    private readonly MemoryStream bytes = new();

    public long Length => bytes.Length;

    /// <summary>Appends the data and returns its offset.</summary>
    public long Add(ReadOnlySpan<byte> data)
    {
        long offset = AlignUp(bytes.Length, Alignment);
        bytes.SetLength(offset);
        bytes.Position = offset;
        bytes.Write(data);
        return offset;
    }

    public byte[] ToArray() => bytes.ToArray();

    public static long AlignUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;
}
