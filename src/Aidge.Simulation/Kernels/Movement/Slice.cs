using Aidge.Core.Operators;
using Aidge.Core.Operators.Movement;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>Slice: a stepped range of coordinates on each sliced axis, the whole of the others.</summary>
[Kernel("Slice", WidenHalfPrecision = false)]
public sealed class SliceKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        bool fromAttributes = context.OpsetVersion < 10;
        long[] starts = fromAttributes ? context.GetInts("starts")! : context.Input(1).ToInt64Array();
        long[] ends = fromAttributes ? context.GetInts("ends")! : context.Input(2).ToInt64Array();
        long[] axes = (fromAttributes ? context.GetInts("axes") : context.OptionalInput(3)?.ToInt64Array())
            ?? Enumerable.Range(0, starts.Length).Select(a => (long)a).ToArray();
        long[]? steps = fromAttributes ? null : context.OptionalInput(4)?.ToInt64Array();
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps is not null && steps.Length != starts.Length)
        {
            throw new ArgumentException("starts, ends, axes and steps must have the same length.");
        }
        var maps = input.Dims.Select(d => (int[]?)null).ToArray();
        for (int i = 0; i < axes.Length; i++)
        {
            int axis = ShapeMath.NormalizeAxis(axes[i], input.Rank);
            if (maps[axis] is not null)
            {
                throw new ArgumentException($"Axis {axis} is sliced twice.");
            }
            long step = steps?[i] ?? 1;
            var (start, count) = SliceFamily.Resolve(input.Dims[axis], starts[i], ends[i], step);
            maps[axis] = StridedGather.Stepped(start, step, count);
        }
        var full = maps.Select((m, j) => m ?? StridedGather.Identity(input.Dims[j])).ToArray();
        var output = Tensor.Create(input.Type, full.Select(m => (long)m.Length).ToArray());
        AxisGather.Run(input, output, full, ShapeMath.Strides(input.Dims));
        context.SetOutput(0, output);
    }
}
