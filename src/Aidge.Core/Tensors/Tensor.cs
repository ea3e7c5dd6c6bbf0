using System.Runtime.InteropServices;

namespace Aidge.Core.Tensors;

/// <summary>
/// A dense tensor: element type, static dims and contiguous little-endian storage (strings are held as
/// .NET strings). Tensors read from a model share the file's buffer instead of copying it, so a tensor
/// is treated as immutable once it has been handed to a graph or produced by a kernel.
/// </summary>
public sealed class Tensor
{
    private readonly Memory<byte> bytes;
    private readonly string[]? strings;

    private Tensor(DataType type, long[] dims, Memory<byte> bytes, string[]? strings)
    {
        Type = type;
        Dims = dims;
        Length = checked((int)ElementCountOf(dims));
        this.bytes = bytes;
        this.strings = strings;
    }

    public DataType Type { get; }

    public long[] Dims { get; }

    public int Rank => Dims.Length;

    public int Length { get; }

    public Shape Shape => new(Dims);

    /// <summary>The storage as bytes (empty for string tensors).</summary>
    public Memory<byte> Bytes => bytes;

    /// <summary>The elements of a string tensor.</summary>
    public string[] Strings => strings ?? throw new InvalidOperationException($"A {Type.OnnxName()} tensor has no strings.");

    /// <summary>The largest tensor, in bytes, that this IR will allocate; bigger sizes are reported, never attempted.</summary>
    public const long MaxBytes = int.MaxValue;

    /// <summary>Product of dims; throws <see cref="ArgumentException"/> on negative dims or overflow.</summary>
    public static long ElementCountOf(ReadOnlySpan<long> dims)
    {
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Negative dimension {d}.");
            }
            count = d == 0 ? 0 : (count > long.MaxValue / d ? throw new ArgumentException("Dimension product overflows.") : count * d);
        }
        return count;
    }

    /// <summary>A zero-filled tensor.</summary>
    public static Tensor Create(DataType type, params long[] dims)
    {
        long count = ElementCountOf(dims);
        if (type == DataType.String)
        {
            CheckSize(count, IntPtr.Size, dims);
            var values = new string[count];
            Array.Fill(values, string.Empty);
            return new Tensor(type, dims, Memory<byte>.Empty, values);
        }
        int size = type.SizeOf();
        if (size == 0)
        {
            throw new NotSupportedException($"Element type {type.OnnxName()} cannot be stored.");
        }
        CheckSize(count, size, dims);
        return new Tensor(type, dims, new byte[count * size], null);
    }

    /// <summary>Wraps existing little-endian storage without copying it.</summary>
    public static Tensor FromBytes(DataType type, long[] dims, Memory<byte> storage)
    {
        long expected = ElementCountOf(dims) * type.SizeOf();
        if (type.SizeOf() == 0 || storage.Length != expected)
        {
            throw new ArgumentException($"A {type.OnnxName()} tensor of shape [{string.Join(",", dims)}] needs {expected} bytes, got {storage.Length}.");
        }
        return new Tensor(type, dims, storage, null);
    }

    public static Tensor FromStrings(long[] dims, string[] values)
    {
        if (ElementCountOf(dims) != values.Length)
        {
            throw new ArgumentException($"A string tensor of shape [{string.Join(",", dims)}] needs {ElementCountOf(dims)} elements, got {values.Length}.");
        }
        return new Tensor(DataType.String, dims, Memory<byte>.Empty, values);
    }

    /// <summary>Copies a span of elements into a new tensor; <typeparamref name="T"/> must match the type's storage.</summary>
    public static Tensor FromSpan<T>(DataType type, long[] dims, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var tensor = Create(type, dims);
        values.CopyTo(tensor.Span<T>());
        return tensor;
    }

    public static Tensor FromArray(float[] values, params long[] dims) => FromSpan<float>(DataType.Float, dims, values);

    public static Tensor FromArray(long[] values, params long[] dims) => FromSpan<long>(DataType.Int64, dims, values);

    public static Tensor FromArray(int[] values, params long[] dims) => FromSpan<int>(DataType.Int32, dims, values);

    public static Tensor Scalar(float value) => FromArray(new[] { value });

    public static Tensor Scalar(long value) => FromArray(new[] { value });

    /// <summary>The elements viewed as <typeparamref name="T"/> (e.g. <c>float</c>, <c>Half</c>, <c>BFloat16</c>, <c>bool</c> as <c>byte</c>).</summary>
    public Span<T> Span<T>()
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(bytes.Span);

    /// <summary>A tensor with the same storage and a new shape of the same element count.</summary>
    public Tensor Reshape(params long[] dims)
    {
        if (ElementCountOf(dims) != Length)
        {
            throw new ArgumentException($"Cannot reshape {Length} elements to [{string.Join(",", dims)}].");
        }
        return new Tensor(Type, dims, bytes, strings);
    }

    /// <summary>A deep copy, for the rare caller that must mutate.</summary>
    public Tensor Clone() => Type == DataType.String
        ? FromStrings((long[])Dims.Clone(), (string[])Strings.Clone())
        : new Tensor(Type, (long[])Dims.Clone(), bytes.ToArray(), null);

    /// <summary>Element i as a double, whatever the numeric type (for tests, folding and messages).</summary>
    public double GetDouble(int i) => Type switch
    {
        DataType.Float => Span<float>()[i],
        DataType.Double => Span<double>()[i],
        DataType.Float16 => (double)Span<Half>()[i],
        DataType.BFloat16 => Span<BFloat16>()[i].ToSingle(),
        DataType.Int8 => Span<sbyte>()[i],
        DataType.UInt8 => Span<byte>()[i],
        DataType.Int16 => Span<short>()[i],
        DataType.UInt16 => Span<ushort>()[i],
        DataType.Int32 => Span<int>()[i],
        DataType.UInt32 => Span<uint>()[i],
        DataType.Int64 => Span<long>()[i],
        DataType.UInt64 => Span<ulong>()[i],
        DataType.Bool => Span<byte>()[i],
        _ => throw new NotSupportedException($"{Type.OnnxName()} is not numeric."),
    };

    /// <summary>Element i as an int64 (integer and bool types; floats truncate).</summary>
    public long GetInt64(int i) => Type switch
    {
        DataType.Int64 => Span<long>()[i],
        DataType.Int32 => Span<int>()[i],
        DataType.UInt64 => (long)Span<ulong>()[i],
        _ => (long)GetDouble(i),
    };

    /// <summary>All elements as int64, e.g. a shape or axes input.</summary>
    public long[] ToInt64Array()
    {
        var result = new long[Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = GetInt64(i);
        }
        return result;
    }

    public override string ToString() => $"{Type.OnnxName()}[{string.Join(",", Dims)}]";

    private static void CheckSize(long count, int elementSize, long[] dims)
    {
        if (count > MaxBytes / elementSize)
        {
            throw new ArgumentException($"A tensor of shape [{string.Join(",", dims)}] would need {count}×{elementSize} bytes, more than the {MaxBytes}-byte limit.");
        }
    }
}
