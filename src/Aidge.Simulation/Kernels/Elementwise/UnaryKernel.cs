using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// A unary kernel over floating-point tensors (float16/bfloat16 arrive widened): derived kernels write the
/// span computation once, generically, and it is compiled separately for float and double.
/// </summary>
public abstract class FloatUnaryKernel : FloatingPointKernel
{
    protected sealed override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var result = Tensor.Create(x.Type, (long[])x.Dims.Clone());
        Apply(x.Span<T>(), result.Span<T>(), context);
        context.SetOutput(0, result);
    }

    /// <summary>Writes f(x) into result (same length); attributes come from the context.</summary>
    protected abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
        where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>;
}

/// <summary>A unary kernel over any numeric tensor (integers, float and double), written once generically.</summary>
public abstract class NumericUnaryKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        context.SetOutput(0, ElementTypes.Numeric<Body, Tensor>(x.Type, new Body(this, x, context)));
    }

    /// <summary>Writes f(x) into result (same length); attributes and extra inputs come from the context.</summary>
    protected abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> result, KernelContext context)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>;

    private readonly struct Body(NumericUnaryKernel kernel, Tensor x, KernelContext context) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var result = Tensor.Create(x.Type, (long[])x.Dims.Clone());
            kernel.Apply(x.Span<T>(), result.Span<T>(), context);
            return result;
        }
    }
}
