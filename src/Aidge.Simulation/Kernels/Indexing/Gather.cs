using Aidge.Core.Operators;
using Aidge.Core.Operators.Indexing;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>Gather: for each position before the axis and each index, the block of the data after the axis.</summary>
[Kernel("Gather", WidenHalfPrecision = false)]
public sealed class GatherKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        var indices = context.Input(1);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), data.Rank);
        var picks = indices.ToInt64Array().Select(i => GatherFamily.Normalize(i, data.Dims[axis])).ToArray();
        var dims = data.Dims.Take(axis).Concat(indices.Dims).Concat(data.Dims.Skip(axis + 1)).ToArray();
        var output = Tensor.Create(data.Type, dims);
        TensorAxis.Pick(data, axis, picks, output);
        context.SetOutput(0, output);
    }
}

/// <summary>GatherElements: output element i reads the data at its own coordinates with the axis one replaced by the index.</summary>
[Kernel("GatherElements", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class GatherElementsKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        var indices = context.Input(1);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), data.Rank);
        var output = Tensor.Create(data.Type, indices.Dims);
        RawElements.Gather(data, output, IndexOffsets.OfElements(indices, data.Dims, axis));
        context.SetOutput(0, output);
    }
}

/// <summary>GatherND: each index tuple names a block of the data (after batch_dims shared leading axes).</summary>
[Kernel("GatherND", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class GatherNdKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        var indices = context.Input(1);
        int batchDims = (int)context.GetInt("batch_dims", 0);
        var (offsets, block) = IndexOffsets.OfTuples(indices, data.Dims, batchDims);
        var dims = indices.Dims.Take(indices.Rank - 1).Concat(data.Dims.Skip(batchDims + (int)indices.Dims[^1])).ToArray();
        var output = Tensor.Create(data.Type, dims);
        for (int t = 0; t < offsets.Length; t++)
        {
            RawElements.Copy(data, offsets[t], output, t * block, block);
        }
        context.SetOutput(0, output);
    }
}
