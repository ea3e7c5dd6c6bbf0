using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

[Kernel("Exp")]
public sealed class ExpKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Exp(x, result);
}

[Kernel("Log")]
public sealed class LogKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Log(x, result);
}

[Kernel("Sqrt")]
public sealed class SqrtKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Sqrt(x, result);
}

[Kernel("Reciprocal")]
public sealed class ReciprocalKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Reciprocal(x, result);
}

[Kernel("Erf", SinceVersion = 9)]
public sealed class ErfKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = T.CreateTruncating(SpecialFunctions.Erf(double.CreateTruncating(x[i])));
        }
    }
}
