using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>
/// Moves raw elements along one axis without looking at their values (any element type, strings included):
/// the slicing, picking, concatenation and stacking behind Split, Concat, Gather, Compress, Unique, the sequence
/// operators, Loop and Scan.
/// </summary>
public static class TensorAxis
{
    /// <summary>Entries [start, start + count) along axis; a slice of the outermost axis shares the source's storage.</summary>
    public static Tensor Slice(Tensor source, int axis, long start, long count)
    {
        var dims = (long[])source.Dims.Clone();
        if (start < 0 || count < 0 || start + count > dims[axis])
        {
            throw new ArgumentException($"Range [{start}, {start + count}) is outside axis {axis} of size {dims[axis]}.");
        }
        dims[axis] = count;
        long inner = Inner(source.Dims, axis);
        long outer = Outer(source.Dims, axis);
        if (outer == 1 && source.Type != DataType.String)
        {
            int size = source.Type.SizeOf();
            return Tensor.FromBytes(source.Type, dims, source.Bytes.Slice((int)(start * inner * size), (int)(count * inner * size)));
        }
        var result = Tensor.Create(source.Type, dims);
        Copy(source, result, outer, source.Dims[axis] * inner, count * inner, start * inner, 0, count * inner);
        return result;
    }

    /// <summary>The entry at index along axis, with that axis removed.</summary>
    public static Tensor Take(Tensor source, int axis, long index)
    {
        var slice = Slice(source, axis, index, 1);
        return slice.Reshape(source.Dims.Where((_, i) => i != axis).ToArray());
    }

    /// <summary>
    /// Gather's, Compress's and Unique's copy: fills <paramref name="output"/>, laid out as [outer, picks, inner],
    /// with the picked entries of the axis (and their inner blocks) for each position before the axis.
    /// </summary>
    public static void Pick(Tensor data, int axis, IReadOnlyList<long> picks, Tensor output)
    {
        long dim = data.Dims[axis];
        long outer = Outer(data.Dims, axis);
        int inner = (int)Inner(data.Dims, axis);
        int offset = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (long pick in picks)
            {
                RawElements.Copy(data, (int)((o * dim + pick) * inner), output, offset, inner);
                offset += inner;
            }
        }
    }

    /// <summary>Concatenation along an existing axis; every part has the same type and the same other dims.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> parts, int axis)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("Nothing to concatenate.");
        }
        var first = parts[0];
        var dims = (long[])first.Dims.Clone();
        dims[axis] = 0;
        foreach (var part in parts)
        {
            bool sameOtherDims = part.Rank == first.Rank && part.Dims.Select((d, i) => i == axis || d == first.Dims[i]).All(ok => ok);
            if (part.Type != first.Type || !sameOtherDims)
            {
                throw new ArgumentException($"Cannot concatenate {part} with {first} along axis {axis}.");
            }
            dims[axis] += part.Dims[axis];
        }
        var result = Tensor.Create(first.Type, dims);
        long inner = Inner(dims, axis);
        long outer = Outer(dims, axis);
        long offset = 0;
        foreach (var part in parts)
        {
            long block = part.Dims[axis] * inner;
            Copy(part, result, outer, block, dims[axis] * inner, 0, offset, block);
            offset += block;
        }
        return result;
    }

    /// <summary>Stacks same-shaped parts along a new axis inserted at <paramref name="axis"/>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> parts, int axis) =>
        Concat(parts.Select(p => p.Reshape(WithInserted(p.Dims, axis, 1))).ToList(), axis);

    /// <summary>dims with <paramref name="value"/> inserted at position axis.</summary>
    public static long[] WithInserted(long[] dims, int axis, long value)
    {
        var list = dims.ToList();
        list.Insert(axis, value);
        return list.ToArray();
    }

    private static long Inner(long[] dims, int axis) => Tensor.ElementCountOf(dims.AsSpan(axis + 1));

    private static long Outer(long[] dims, int axis) => Tensor.ElementCountOf(dims.AsSpan(0, axis));

    /// <summary>
    /// For each of <paramref name="outer"/> blocks, copies length elements from source (block size
    /// sourceBlock, starting at sourceOffset) to target (block size targetBlock, starting at targetOffset).
    /// </summary>
    private static void Copy(Tensor source, Tensor target, long outer, long sourceBlock, long targetBlock, long sourceOffset, long targetOffset, long length)
    {
        for (long o = 0; o < outer; o++)
        {
            RawElements.Copy(source, (int)(o * sourceBlock + sourceOffset), target, (int)(o * targetBlock + targetOffset), (int)length);
        }
    }
}
