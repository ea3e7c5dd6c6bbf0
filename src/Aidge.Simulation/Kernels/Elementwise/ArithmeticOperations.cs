using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>x + y, vectorized.</summary>
public readonly struct AddOperation<T> : IBinaryOperation<T, T, T>
    where T : INumber<T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Add(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Add(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Add(y, x, destination);
}

/// <summary>x - y, vectorized.</summary>
public readonly struct SubtractOperation<T> : IBinaryOperation<T, T, T>
    where T : INumber<T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);
}

/// <summary>x * y, vectorized.</summary>
public readonly struct MultiplyOperation<T> : IBinaryOperation<T, T, T>
    where T : INumber<T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Multiply(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Multiply(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Multiply(y, x, destination);
}

/// <summary>x / y, vectorized; integer division truncates toward zero and throws on a zero divisor.</summary>
public readonly struct DivideOperation<T> : IBinaryOperation<T, T, T>
    where T : INumber<T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Divide(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Divide(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Divide(x, y, destination);
}

/// <summary>max(x, y), vectorized; NaN propagates as in numpy.maximum.</summary>
public readonly struct MaxOperation<T> : IBinaryOperation<T, T, T>
    where T : INumber<T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(y, x, destination);
}

/// <summary>min(x, y), vectorized; NaN propagates as in numpy.minimum.</summary>
public readonly struct MinOperation<T> : IBinaryOperation<T, T, T>
    where T : INumber<T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(y, x, destination);
}

/// <summary>x &amp; y, vectorized (also And on bools stored as 0/1 bytes).</summary>
public readonly struct BitwiseAndOperation<T> : IBinaryOperation<T, T, T>
    where T : IBitwiseOperators<T, T, T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.BitwiseAnd(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.BitwiseAnd(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.BitwiseAnd(y, x, destination);
}

/// <summary>x | y, vectorized (also Or on bools).</summary>
public readonly struct BitwiseOrOperation<T> : IBinaryOperation<T, T, T>
    where T : IBitwiseOperators<T, T, T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.BitwiseOr(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.BitwiseOr(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.BitwiseOr(y, x, destination);
}

/// <summary>x ^ y, vectorized (also Xor on bools).</summary>
public readonly struct XorOperation<T> : IBinaryOperation<T, T, T>
    where T : IBitwiseOperators<T, T, T>
{
    public void Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Xor(x, y, destination);

    public void Invoke(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Xor(x, y, destination);

    public void Invoke(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Xor(y, x, destination);
}
