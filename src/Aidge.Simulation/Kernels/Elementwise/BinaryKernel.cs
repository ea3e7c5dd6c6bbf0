using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// A broadcasting binary kernel over numeric operands of one type, written once generically. Operators that also
/// take bool or string operands (Equal) override <see cref="ApplyNonNumeric"/>.
/// </summary>
public abstract class NumericBinaryKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var (x, y) = BinaryOperands.Read(context);
        context.SetOutput(0, x.Type.IsNumeric()
            ? ElementTypes.Numeric<Body, Tensor>(x.Type, new Body(this, x, y, context))
            : ApplyNonNumeric(x, y, context));
    }

    protected abstract Tensor Apply<T>(Tensor x, Tensor y, KernelContext context)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>;

    protected virtual Tensor ApplyNonNumeric(Tensor x, Tensor y, KernelContext context) =>
        throw ElementTypes.Unsupported(x.Type, "a numeric type");

    private readonly struct Body(NumericBinaryKernel kernel, Tensor x, Tensor y, KernelContext context) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> => kernel.Apply<T>(x, y, context);
    }
}

/// <summary>A broadcasting binary kernel over integer operands of one type (bitwise operators).</summary>
public abstract class IntegerBinaryKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var (x, y) = BinaryOperands.Read(context);
        context.SetOutput(0, ElementTypes.Integer<Body, Tensor>(x.Type, new Body(this, x, y, context)));
    }

    protected abstract Tensor Apply<T>(Tensor x, Tensor y, KernelContext context)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>;

    private readonly struct Body(IntegerBinaryKernel kernel, Tensor x, Tensor y, KernelContext context) : IIntegerFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => kernel.Apply<T>(x, y, context);
    }
}
