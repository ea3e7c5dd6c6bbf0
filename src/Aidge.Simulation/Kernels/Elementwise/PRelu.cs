using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// PRelu: x where x ≥ 0, slope * x elsewhere; the slope broadcasts to X's shape (unidirectionally). Before
/// opset 7 a vector slope held one value per channel (axis 1), as in Caffe2.
/// </summary>
[Kernel("PRelu")]
public sealed class PReluKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor slope, KernelContext context)
    {
        if (context.OpsetVersion < 7 && slope.Rank == 1 && slope.Length > 1 && x.Rank > 2)
        {
            slope = slope.Reshape([slope.Length, .. Enumerable.Repeat(1L, x.Rank - 2)]);
        }
        var plan = BroadcastPlan.ToShape(x.Dims, x.Dims, slope.Dims);
        var result = Tensor.Create(x.Type, plan.OutputDims);
        Broadcast.Combine<PerElement<Leaky<T>, T, T, T>, T, T, T>(plan, x.Span<T>(), slope.Span<T>(), result.Span<T>(), default);
        return result;
    }

    private readonly struct Leaky<T> : IBinaryFunction<T, T, T>
        where T : INumber<T>
    {
        public T Invoke(T x, T slope) => x < T.Zero ? x * slope : x;
    }
}
