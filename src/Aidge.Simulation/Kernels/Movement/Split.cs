using Aidge.Core.Operators;
using Aidge.Core.Operators.Movement;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>Split: each output takes its run of the axis from every position before the axis.</summary>
[Kernel("Split", WidenHalfPrecision = false)]
public sealed class SplitKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
        long[]? split = SplitFamily.SplitIsInput(context.OpsetVersion) ? context.OptionalInput(1)?.ToInt64Array() : context.GetInts("split");
        long? numOutputs = context.OpsetVersion >= 18 ? context.Node.FindAttribute("num_outputs")?.AsInt() : null;
        long dim = input.Dims[axis];
        var sizes = SplitFamily.Sizes(dim, split, context.OutputCount, numOutputs);
        long start = 0;
        for (int k = 0; k < sizes.Length; k++)
        {
            context.SetOutput(k, TensorAxis.Slice(input, axis, start, sizes[k]));
            start += sizes[k];
        }
    }
}
