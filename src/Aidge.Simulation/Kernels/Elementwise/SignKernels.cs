using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>Abs; the most negative integer stays itself (two's complement wrap, as numpy does) instead of throwing.</summary>
[Kernel("Abs")]
public sealed class AbsKernel : NumericUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = T.IsNegative(x[i]) ? -x[i] : x[i];
        }
    }
}

[Kernel("Neg")]
public sealed class NegKernel : NumericUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Negate(x, result);
}

/// <summary>Sign: -1, 0 or 1 in the input's type; NaN stays NaN.</summary>
[Kernel("Sign", SinceVersion = 9)]
public sealed class SignKernel : NumericUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            T value = x[i];
            result[i] = value > T.Zero ? T.One : value < T.Zero ? -T.One : value;
        }
    }
}
