using System.Numerics;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Selection;

/// <summary>
/// Hardmax: 1 at the first maximum of each lane, 0 elsewhere. Before opset 13 a lane is a row of the input
/// flattened to 2-D at the axis; from 13 it runs along the axis.
/// </summary>
[Kernel("Hardmax")]
public sealed class HardmaxKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
        var lanes = context.OpsetVersion < 13
            ? new AxisLanes(Tensor.ElementCountOf(input.Dims.AsSpan(0, axis)), Tensor.ElementCountOf(input.Dims.AsSpan(axis)), 1)
            : AxisLanes.Of(input.Dims, axis);
        var output = Tensor.Create(input.Type, input.Dims);
        context.SetOutput(0, ElementTypes.Numeric<MarkMaximum, Tensor>(input.Type, new MarkMaximum(input, output, lanes)));
    }

    private readonly struct MarkMaximum(Tensor input, Tensor output, AxisLanes lanes) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var source = input.Span<T>();
            var result = output.Span<T>();
            for (long l = 0; l < lanes.Count && lanes.Length > 0; l++)
            {
                result[lanes.Start(l) + (int)(lanes.IndexOfExtreme<T>(source, l, maximum: true, last: false) * lanes.Inner)] = T.One;
            }
            return output;
        }
    }
}
