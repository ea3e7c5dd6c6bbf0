using System.Numerics;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Kernels.Selection;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Accumulation;

/// <summary>CumSum and CumProd along an axis, optionally exclusive (each element omits itself) and reversed.</summary>
[Kernel("CumSum", SinceVersion = 11)]
[Kernel("CumProd", SinceVersion = 26)]
public sealed class CumulativeKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        int axis = ShapeMath.NormalizeAxis(context.Input(1).GetInt64(0), input.Rank);
        var output = Tensor.Create(input.Type, input.Dims);
        var scan = new Scan(input, output, AxisLanes.Of(input.Dims, axis), context.GetInt("exclusive") != 0, context.GetInt("reverse") != 0,
            context.Node.OpType == "CumProd");
        context.SetOutput(0, ElementTypes.Numeric<Scan, Tensor>(input.Type, scan));
    }

    private readonly struct Scan(Tensor input, Tensor output, AxisLanes lanes, bool exclusive, bool reverse, bool product) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var source = input.Span<T>();
            var result = output.Span<T>();
            long step = reverse ? -lanes.Inner : lanes.Inner;
            for (long l = 0; l < lanes.Count; l++)
            {
                int at = lanes.Start(l) + (int)(reverse ? (lanes.Length - 1) * lanes.Inner : 0);
                T running = product ? T.One : T.Zero;
                for (long i = 0; i < lanes.Length; i++, at += (int)step)
                {
                    T value = source[at];
                    if (!exclusive)
                    {
                        running = product ? running * value : running + value;
                    }
                    result[at] = running;
                    if (exclusive)
                    {
                        running = product ? running * value : running + value;
                    }
                }
            }
            return output;
        }
    }
}
