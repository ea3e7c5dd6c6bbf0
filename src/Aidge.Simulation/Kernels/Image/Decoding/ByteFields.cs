using System.Buffers.Binary;

namespace Aidge.Simulation.Kernels.Image.Decoding;

/// <summary>Bounds-checked reads of header fields, so a truncated file is reported instead of overrunning.</summary>
internal static class ByteFields
{
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, long offset, long length, string format)
    {
        if (offset < 0 || length < 0 || offset > data.Length || length > data.Length - offset)
        {
            throw new ArgumentException($"{format} data is truncated or malformed: {length} bytes at offset {offset} lie outside the {data.Length} bytes given.");
        }
        return data.Slice((int)offset, (int)length);
    }

    public static ushort UInt16(ReadOnlySpan<byte> data, long offset, bool bigEndian, string format)
    {
        var bytes = Slice(data, offset, 2, format);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
    }

    public static uint UInt32(ReadOnlySpan<byte> data, long offset, bool bigEndian, string format)
    {
        var bytes = Slice(data, offset, 4, format);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }
}
