using System.Numerics;
using System.Numerics.Tensors;

namespace Aidge.Simulation.Kernels.Reduction;

/// <summary>An associative fold (sum, product, max, min) in the three shapes <see cref="ReductionPlan"/> needs.</summary>
public interface IReductionOperator<T>
{
    /// <summary>The result of folding nothing.</summary>
    static abstract T Identity { get; }

    static abstract T Reduce(ReadOnlySpan<T> values);

    static abstract T Combine(T left, T right);

    static abstract void Combine(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> destination);
}

public readonly struct SumOperator<T> : IReductionOperator<T>
    where T : INumber<T>
{
    public static T Identity => T.Zero;

    public static T Reduce(ReadOnlySpan<T> values) => TensorPrimitives.Sum(values);

    public static T Combine(T left, T right) => left + right;

    public static void Combine(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> destination) => TensorPrimitives.Add(left, right, destination);
}

public readonly struct ProductOperator<T> : IReductionOperator<T>
    where T : INumber<T>
{
    public static T Identity => T.One;

    public static T Reduce(ReadOnlySpan<T> values) => TensorPrimitives.Product(values);

    public static T Combine(T left, T right) => left * right;

    public static void Combine(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> destination) => TensorPrimitives.Multiply(left, right, destination);
}

/// <summary>Maximum; NaN wins, as in numpy.</summary>
public readonly struct MaxOperator<T> : IReductionOperator<T>
    where T : INumber<T>, IMinMaxValue<T>
{
    public static T Identity => NumericLimits.Lowest<T>();

    public static T Reduce(ReadOnlySpan<T> values) => TensorPrimitives.Max(values);

    public static T Combine(T left, T right) => T.Max(left, right);

    public static void Combine(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> destination) => TensorPrimitives.Max(left, right, destination);
}

/// <summary>Minimum; NaN wins, as in numpy.</summary>
public readonly struct MinOperator<T> : IReductionOperator<T>
    where T : INumber<T>, IMinMaxValue<T>
{
    public static T Identity => NumericLimits.Highest<T>();

    public static T Reduce(ReadOnlySpan<T> values) => TensorPrimitives.Min(values);

    public static T Combine(T left, T right) => T.Min(left, right);

    public static void Combine(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> destination) => TensorPrimitives.Min(left, right, destination);
}
