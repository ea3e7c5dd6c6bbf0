using Aidge.Core.Operators.Aidge;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>HardSigmoid = max(0, min(1, alpha * x + beta)).</summary>
[Kernel("HardSigmoid")]
public sealed class HardSigmoidKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T alpha = T.CreateTruncating(context.GetFloat("alpha"));
        T beta = T.CreateTruncating(context.GetFloat("beta"));
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = T.Clamp(alpha * x[i] + beta, T.Zero, T.One);
        }
    }
}

/// <summary>HardSwish = x * HardSigmoid(x) with alpha = 1/6, beta = 0.5.</summary>
[Kernel("HardSwish", SinceVersion = 14)]
public sealed class HardSwishKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T sixth = T.One / T.CreateTruncating(6);
        T half = T.CreateTruncating(0.5);
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] * T.Clamp(sixth * x[i] + half, T.Zero, T.One);
        }
    }
}

/// <summary>Softplus = ln(1 + exp(x)), written so that large |x| neither overflows nor loses the small term.</summary>
[Kernel("Softplus")]
public sealed class SoftplusKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = Softplus(x[i]);
        }
    }

    internal static T Softplus<T>(T x)
        where T : System.Numerics.IFloatingPointIeee754<T> =>
        T.Max(x, T.Zero) + T.LogP1(T.Exp(-T.Abs(x)));
}

[Kernel("Softsign")]
public sealed class SoftsignKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] / (T.One + T.Abs(x[i]));
        }
    }
}

/// <summary>Mish = x * tanh(softplus(x)).</summary>
[Kernel("Mish", SinceVersion = 18)]
public sealed class MishKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] * T.Tanh(SoftplusKernel.Softplus(x[i]));
        }
    }
}

/// <summary>Swish = x * sigmoid(alpha * x).</summary>
[Kernel("Swish", SinceVersion = 24)]
public sealed class SwishKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        T alpha = T.CreateTruncating(context.GetFloat("alpha"));
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] / (T.One + T.Exp(-alpha * x[i]));
        }
    }
}

/// <summary>Gelu = x * Φ(x), with Φ from erf ("none") or from the tanh approximation ("tanh").</summary>
[Kernel("Gelu", SinceVersion = 20)]
[Kernel("Gelu", Domain = AidgeDomain.Name)]
public sealed class GeluKernel : FloatUnaryKernel
{
    protected override void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
    {
        string approximate = context.GetString("approximate");
        if (approximate == "tanh")
        {
            double scale = Math.Sqrt(2 / Math.PI);
            for (int i = 0; i < x.Length; i++)
            {
                double v = double.CreateTruncating(x[i]);
                result[i] = T.CreateTruncating(0.5 * v * (1 + Math.Tanh(scale * (v + 0.044715 * v * v * v))));
            }
            return;
        }
        if (approximate != "none")
        {
            throw new ArgumentException($"Gelu approximate must be 'none' or 'tanh', got '{approximate}'.");
        }
        for (int i = 0; i < x.Length; i++)
        {
            double v = double.CreateTruncating(x[i]);
            result[i] = T.CreateTruncating(0.5 * v * (1 + SpecialFunctions.Erf(v / Math.Sqrt(2))));
        }
    }
}
