using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Mod. With fmod=1 the remainder takes the dividend's sign (C fmod, .NET's %); with fmod=0 (integers) it takes
/// the divisor's sign, as Python's and numpy's % do.
/// </summary>
[Kernel("Mod", SinceVersion = 10)]
public sealed class ModKernel : NumericBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => context.GetInt("fmod") != 0
        ? Broadcast.Combine<PerElement<TruncatedRemainder<T>, T, T, T>, T, T, T>(x, y, x.Type, default)
        : Broadcast.Combine<PerElement<FlooredRemainder<T>, T, T, T>, T, T, T>(x, y, x.Type, default);

    private readonly struct TruncatedRemainder<T> : IBinaryFunction<T, T, T>
        where T : INumber<T>
    {
        public T Invoke(T x, T y) => x % y;
    }

    private readonly struct FlooredRemainder<T> : IBinaryFunction<T, T, T>
        where T : INumber<T>
    {
        public T Invoke(T x, T y)
        {
            T remainder = x % y;
            return remainder != T.Zero && T.IsNegative(remainder) != T.IsNegative(y) ? remainder + y : remainder;
        }
    }
}
