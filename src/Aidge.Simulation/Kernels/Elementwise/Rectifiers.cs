using System.Numerics.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>Relu = max(x, 0); integer types are allowed since opset 14. NaN propagates.</summary>
[Kernel("Relu")]
public sealed class ReluKernel : NumericUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context) => TensorPrimitives.Max(x, T.Zero, result);
}

[Kernel("LeakyRelu")]
public sealed class LeakyReluKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T alpha = T.CreateTruncating(context.GetFloat("alpha"));
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] < T.Zero ? alpha * x[i] : x[i];
        }
    }
}

[Kernel("ThresholdedRelu", SinceVersion = 10)]
public sealed class ThresholdedReluKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T alpha = T.CreateTruncating(context.GetFloat("alpha"));
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] > alpha ? x[i] : T.Zero;
        }
    }
}

[Kernel("Elu")]
public sealed class EluKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T alpha = T.CreateTruncating(context.GetFloat("alpha"));
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] < T.Zero ? alpha * T.ExpM1(x[i]) : x[i];
        }
    }
}

[Kernel("Selu")]
public sealed class SeluKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T alpha = T.CreateTruncating(context.GetFloat("alpha"));
        T gamma = T.CreateTruncating(context.GetFloat("gamma"));
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] <= T.Zero ? gamma * alpha * T.ExpM1(x[i]) : gamma * x[i];
        }
    }
}

/// <summary>Celu = max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).</summary>
[Kernel("Celu", SinceVersion = 12)]
public sealed class CeluKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T alpha = T.CreateTruncating(context.GetFloat("alpha"));
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] < T.Zero ? alpha * T.ExpM1(x[i] / alpha) : x[i];
        }
    }
}

/// <summary>Shrink: x + bias below -lambd, x - bias above lambd, 0 between; integers are computed in double.</summary>
[Kernel("Shrink", SinceVersion = 9)]
public sealed class ShrinkKernel : NumericUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        double bias = context.GetFloat("bias");
        double lambda = context.GetFloat("lambd");
        for (int i = 0; i < x.Length; i++)
        {
            double value = double.CreateTruncating(x[i]);
            result[i] = value < -lambda ? T.CreateTruncating(value + bias) : value > lambda ? T.CreateTruncating(value - bias) : T.Zero;
        }
    }
}
