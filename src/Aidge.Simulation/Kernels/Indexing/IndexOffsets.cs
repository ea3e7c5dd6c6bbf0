using Aidge.Core.Operators;
using Aidge.Core.Operators.Indexing;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>Where the elements or blocks named by an indices tensor lie in the data, as flat offsets.</summary>
public static class IndexOffsets
{
    /// <summary>
    /// GatherElements/ScatterElements: for each element of <paramref name="indices"/>, the data offset of the
    /// same coordinates with the one along <paramref name="axis"/> replaced by the index.
    /// </summary>
    public static int[] OfElements(Tensor indices, long[] dataDims, int axis)
    {
        if (indices.Rank != dataDims.Length || indices.Dims.Where((d, j) => j != axis && d > dataDims[j]).Any())
        {
            throw new ArgumentException($"Indices {indices} do not fit data of shape [{string.Join(",", dataDims)}].");
        }
        var strides = ShapeMath.Strides(dataDims);
        var outer = (long[])strides.Clone();
        outer[axis] = 0;
        var offsets = StridedGather.Offsets(indices.Dims, outer);
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] += (int)(GatherFamily.Normalize(indices.GetInt64(i), dataDims[axis]) * strides[axis]);
        }
        return offsets;
    }

    /// <summary>
    /// GatherND/ScatterND: for each index tuple (the last axis of <paramref name="indices"/>), the data offset of the
    /// block it names, after <paramref name="batchDims"/> leading axes shared by data and indices; and the block size.
    /// </summary>
    public static (int[] Offsets, int Block) OfTuples(Tensor indices, long[] dataDims, int batchDims)
    {
        int depth = indices.Rank == 0 ? throw new ArgumentException("Indices need at least one dim.") : (int)indices.Dims[^1];
        if (batchDims < 0 || batchDims + depth > dataDims.Length || indices.Rank <= batchDims
            || indices.Dims.Take(batchDims).Where((d, j) => d != dataDims[j]).Any())
        {
            throw new ArgumentException($"Indices {indices} with batch_dims {batchDims} do not fit data of shape [{string.Join(",", dataDims)}].");
        }
        var strides = ShapeMath.Strides(dataDims);
        long batchSize = Tensor.ElementCountOf(dataDims.AsSpan(batchDims));
        long tuplesPerBatch = Tensor.ElementCountOf(indices.Dims.AsSpan(batchDims, indices.Rank - 1 - batchDims));
        var values = indices.ToInt64Array();
        var offsets = new int[Tensor.ElementCountOf(indices.Dims.AsSpan(0, indices.Rank - 1))];
        for (int t = 0; t < offsets.Length; t++)
        {
            long offset = tuplesPerBatch == 0 ? 0 : t / tuplesPerBatch * batchSize;
            for (int j = 0; j < depth; j++)
            {
                offset += GatherFamily.Normalize(values[t * depth + j], dataDims[batchDims + j]) * strides[batchDims + j];
            }
            offsets[t] = checked((int)offset);
        }
        return (offsets, (int)Tensor.ElementCountOf(dataDims.AsSpan(batchDims + depth)));
    }
}
