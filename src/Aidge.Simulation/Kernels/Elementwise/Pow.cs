using System.Numerics;
using System.Numerics.Tensors;
using Tensor = Aidge.Core.Tensors.Tensor;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// Pow: the result has the base's type. Equal float types use the vectorized power; integer powers of integers
/// are computed exactly (wrapping like numpy); mixed types go through double and convert back (truncating for
/// integer bases, as numpy's cast does).
/// </summary>
[Kernel("Pow")]
public sealed class PowKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var (x, y) = BinaryOperands.Read(context, sameType: false);
        Tensor result;
        if (x.Type == y.Type && x.Type.IsFloatingPoint())
        {
            result = ElementTypes.Float<SameFloatType, Tensor>(x.Type, new(x, y));
        }
        else if (x.Type == y.Type && x.Type.IsInteger() && !HasNegative(y))
        {
            result = ElementTypes.Integer<SameIntegerType, Tensor>(x.Type, new(x, y));
        }
        else
        {
            result = ElementTypes.Numeric<ThroughDouble, Tensor>(x.Type, new(x, ElementConversion.Convert(y, DataType.Double)));
        }
        context.SetOutput(0, result);
    }

    private static bool HasNegative(Tensor exponent)
    {
        for (int i = 0; i < exponent.Length; i++)
        {
            if (exponent.GetDouble(i) < 0)
            {
                return true;
            }
        }
        return false;
    }

    private readonly struct SameIntegerType(Tensor x, Tensor y) : IIntegerFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            Broadcast.Combine<PerElement<IntegerPower<T>, T, T, T>, T, T, T>(x, y, x.Type, default);
    }

    private readonly struct ThroughDouble(Tensor x, Tensor exponent) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T> =>
            Broadcast.Combine<PerElement<PowerThroughDouble<T>, T, double, T>, T, double, T>(x, exponent, x.Type, default);
    }

    private readonly struct SameFloatType(Tensor x, Tensor y) : IFloatFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T> =>
            Broadcast.Combine<PowerOperation<T>, T, T, T>(x, y, x.Type, default);
    }

    private readonly struct PowerOperation<T> : IBinaryOperation<T, T, T>
        where T : IFloatingPointIeee754<T>
    {
        public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);

        public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);

        public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);
    }

    /// <summary>Exponentiation by squaring for a non-negative integer exponent; overflow wraps.</summary>
    private readonly struct IntegerPower<T> : IBinaryFunction<T, T, T>
        where T : IBinaryInteger<T>
    {
        public T Invoke(T x, T y)
        {
            T result = T.One;
            T power = x;
            T two = T.One + T.One;
            for (T n = y; n > T.Zero; n /= two)
            {
                if (n % two != T.Zero)
                {
                    result *= power;
                }
                power *= power;
            }
            return result;
        }
    }

    private readonly struct PowerThroughDouble<T> : IBinaryFunction<T, double, T>
        where T : INumber<T>
    {
        public T Invoke(T x, double y) => T.CreateTruncating(Math.Pow(double.CreateTruncating(x), y));
    }
}
