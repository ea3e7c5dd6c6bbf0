using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

[Kernel("Sin", SinceVersion = 7)]
public sealed class SinKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Sin(x, result);
}

[Kernel("Cos", SinceVersion = 7)]
public sealed class CosKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Cos(x, result);
}

[Kernel("Tan", SinceVersion = 7)]
public sealed class TanKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Tan(x, result);
}

[Kernel("Asin", SinceVersion = 7)]
public sealed class AsinKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Asin(x, result);
}

[Kernel("Acos", SinceVersion = 7)]
public sealed class AcosKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Acos(x, result);
}

[Kernel("Atan", SinceVersion = 7)]
public sealed class AtanKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Atan(x, result);
}

/// <summary>Sinh element by element: TensorPrimitives.Sinh (10.0) cancels catastrophically for |x| below about 1e-4.</summary>
[Kernel("Sinh", SinceVersion = 9)]
public sealed class SinhKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = T.Sinh(x[i]);
        }
    }
}

[Kernel("Cosh", SinceVersion = 9)]
public sealed class CoshKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Cosh(x, result);
}

/// <summary>Tanh element by element: TensorPrimitives.Tanh (10.0) cancels catastrophically for |x| below about 1e-4.</summary>
[Kernel("Tanh")]
public sealed class TanhKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = T.Tanh(x[i]);
        }
    }
}

[Kernel("Asinh", SinceVersion = 9)]
public sealed class AsinhKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Asinh(x, result);
}

[Kernel("Acosh", SinceVersion = 9)]
public sealed class AcoshKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Acosh(x, result);
}

[Kernel("Atanh", SinceVersion = 9)]
public sealed class AtanhKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Atanh(x, result);
}
