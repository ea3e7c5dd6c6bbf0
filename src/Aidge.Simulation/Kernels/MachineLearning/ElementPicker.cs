using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>Builds tensors out of chosen elements of another, by raw element (any fixed-size type) or string.</summary>
internal static class ElementPicker
{
    /// <summary>A tensor of <paramref name="dims"/> whose element i is element picks[i] of <paramref name="source"/>.</summary>
    public static Tensor Pick(Tensor source, ReadOnlySpan<int> picks, long[] dims)
    {
        if (source.Type == DataType.String)
        {
            var strings = source.Strings;
            var picked = new string[picks.Length];
            for (int i = 0; i < picks.Length; i++)
            {
                picked[i] = strings[picks[i]];
            }
            return Tensor.FromStrings(dims, picked);
        }
        int size = source.Type.SizeOf();
        var result = Tensor.Create(source.Type, dims);
        var from = source.Bytes.Span;
        var to = result.Bytes.Span;
        for (int i = 0; i < picks.Length; i++)
        {
            from.Slice(picks[i] * size, size).CopyTo(to.Slice(i * size, size));
        }
        return result;
    }

    /// <summary>The elements of <paramref name="first"/> followed by those of <paramref name="second"/>, as 1-D.</summary>
    public static Tensor Concatenate(Tensor first, Tensor second)
    {
        if (first.Type != second.Type)
        {
            throw new ArgumentException($"Cannot join {first.Type.OnnxName()} and {second.Type.OnnxName()} elements.");
        }
        long[] dims = [first.Length + second.Length];
        if (first.Type == DataType.String)
        {
            return Tensor.FromStrings(dims, [.. first.Strings, .. second.Strings]);
        }
        var result = Tensor.Create(first.Type, dims);
        first.Bytes.Span.CopyTo(result.Bytes.Span);
        second.Bytes.Span.CopyTo(result.Bytes.Span[first.Bytes.Length..]);
        return result;
    }
}
