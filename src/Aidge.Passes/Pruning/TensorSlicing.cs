using Aidge.Core.Tensors;

namespace Aidge.Passes.Pruning;

/// <summary>Byte-level views of constant tensors that pruning rewrites, whatever their element type.</summary>
public static class TensorSlicing
{
    /// <summary>The tensor with only the listed indices of one axis, in the order given.</summary>
    public static Tensor Keep(Tensor tensor, int axis, IReadOnlyList<long> indices)
    {
        var dims = tensor.Dims;
        long outer = Product(dims, 0, axis);
        long inner = Product(dims, axis + 1, dims.Length) * tensor.Type.SizeOf();
        var resultDims = (long[])dims.Clone();
        resultDims[axis] = indices.Count;
        var result = Tensor.Create(tensor.Type, resultDims);
        var source = tensor.Bytes.Span;
        var target = result.Bytes.Span;
        for (long o = 0; o < outer; o++)
        {
            for (int i = 0; i < indices.Count; i++)
            {
                source.Slice((int)((o * dims[axis] + indices[i]) * inner), (int)inner)
                    .CopyTo(target.Slice((int)((o * indices.Count + i) * inner), (int)inner));
            }
        }
        return result;
    }

    /// <summary>The L1 norm of every slice along an axis (Σ |x| over all other axes).</summary>
    public static double[] L1Norms(Tensor tensor, int axis)
    {
        var dims = tensor.Dims;
        long inner = Product(dims, axis + 1, dims.Length);
        var norms = new double[dims[axis]];
        for (int i = 0; i < tensor.Length; i++)
        {
            norms[i / inner % dims[axis]] += Math.Abs(tensor.GetDouble(i));
        }
        return norms;
    }

    public static long Product(long[] dims, int from, int to)
    {
        long product = 1;
        for (int i = from; i < to; i++)
        {
            product *= dims[i];
        }
        return product;
    }
}
