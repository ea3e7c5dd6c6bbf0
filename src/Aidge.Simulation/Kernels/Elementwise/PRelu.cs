using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// PRelu: x where x ≥ 0, slope * x elsewhere; the slope broadcasts to X's shape (unidirectionally). Before
/// opset 7 there was no broadcasting rule: a slope of C values applies per channel (axis 1), which is what
/// PyTorch exports of PReLU(C) at those opsets rely on.
/// </summary>
[Kernel("PRelu")]
public sealed class PReluKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor slope, KernelContext context)
    {
        if (context.OpsetVersion < 7 && slope.Rank == 1 && x.Rank > 2 && slope.Length == x.Dims[1] && slope.Length > 1)
        {
            var perChannel = new long[x.Rank - 1];
            Array.Fill(perChannel, 1L);
            perChannel[0] = slope.Length;
            slope = slope.Reshape(perChannel);
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
