using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>A routine written once over the element type, run on raw elements of 1, 2, 4 or 8 bytes or on strings.</summary>
public interface IRawElementAction
{
    void Run<T>(Span<T> source, Span<T> destination);
}

/// <summary>
/// Moves elements without interpreting them: numeric and bool tensors as raw elements of their size (so float16,
/// bfloat16 and every integer width share one code path), string tensors as references.
/// </summary>
public static class RawElements
{
    /// <summary>Runs <paramref name="action"/> on the storage of two tensors of the same element type.</summary>
    public static void Run<TAction>(Tensor source, Tensor destination, TAction action)
        where TAction : IRawElementAction
    {
        if (source.Type != destination.Type)
        {
            throw new ArgumentException($"Cannot move {source.Type.OnnxName()} elements into a {destination.Type.OnnxName()} tensor.");
        }
        switch (source.Type == DataType.String ? 0 : source.Type.SizeOf())
        {
            case 0:
                action.Run<string>(source.Strings, destination.Strings);
                break;
            case 1:
                action.Run(source.Span<byte>(), destination.Span<byte>());
                break;
            case 2:
                action.Run(source.Span<ushort>(), destination.Span<ushort>());
                break;
            case 4:
                action.Run(source.Span<uint>(), destination.Span<uint>());
                break;
            case 8:
                action.Run(source.Span<ulong>(), destination.Span<ulong>());
                break;
            default:
                throw new NotSupportedException($"Cannot move {source.Type.OnnxName()} elements.");
        }
    }

    /// <summary>Copies <paramref name="count"/> consecutive elements.</summary>
    public static void Copy(Tensor source, int sourceIndex, Tensor destination, int destinationIndex, int count)
    {
        if (source.Type == DataType.String)
        {
            Array.Copy(source.Strings, sourceIndex, destination.Strings, destinationIndex, count);
            return;
        }
        int size = source.Type.SizeOf();
        source.Bytes.Span.Slice(sourceIndex * size, count * size).CopyTo(destination.Bytes.Span.Slice(destinationIndex * size, count * size));
    }

    /// <summary>A new tensor of the given type and dims with every element equal to element <paramref name="index"/> of <paramref name="value"/>.</summary>
    public static Tensor Filled(DataType type, long[] dims, Tensor value, int index = 0)
    {
        var result = Tensor.Create(type, dims);
        if (result.Length == 0)
        {
            return result;
        }
        Copy(value, index, result, 0, 1);
        // Doubling copies fill the rest in log(n) block moves.
        for (int filled = 1; filled < result.Length; filled *= 2)
        {
            Copy(result, 0, result, filled, Math.Min(filled, result.Length - filled));
        }
        return result;
    }

    /// <summary>destination[i] = source[sourceIndices[i]] for every i.</summary>
    public static void Gather(Tensor source, Tensor destination, int[] sourceIndices) =>
        Run(source, destination, new GatherAction(sourceIndices));

    /// <summary>destination[destinationIndices[i]] = source[i] for every i, in order (a later write wins).</summary>
    public static void Scatter(Tensor source, Tensor destination, int[] destinationIndices) =>
        Run(source, destination, new ScatterAction(destinationIndices));

    private readonly struct GatherAction(int[] sourceIndices) : IRawElementAction
    {
        public void Run<T>(Span<T> source, Span<T> destination)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = source[sourceIndices[i]];
            }
        }
    }

    private readonly struct ScatterAction(int[] destinationIndices) : IRawElementAction
    {
        public void Run<T>(Span<T> source, Span<T> destination)
        {
            for (int i = 0; i < source.Length; i++)
            {
                destination[destinationIndices[i]] = source[i];
            }
        }
    }
}
