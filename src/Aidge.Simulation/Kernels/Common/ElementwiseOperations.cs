namespace Aidge.Simulation.Kernels.Common;

/// <summary>
/// A function applied to each element of one span. Implemented by structs so that generic loops are specialized
/// and inlined per operation; vectorized implementations call TensorPrimitives on the whole span.
/// </summary>
public interface IUnaryOperation<TIn, TOut>
{
    void Invoke(ReadOnlySpan<TIn> x, Span<TOut> destination);
}

/// <summary>A scalar function of one element; <see cref="PerElement{TFunction, TIn, TOut}"/> lifts it to spans.</summary>
public interface IUnaryFunction<TIn, TOut>
{
    TOut Invoke(TIn x);
}

/// <summary>
/// A function of two elements in the three span forms a broadcasting loop needs: two rows, a row and a repeated
/// right operand, a repeated left operand and a row.
/// </summary>
public interface IBinaryOperation<TLeft, TRight, TOut>
{
    void Invoke(ReadOnlySpan<TLeft> x, ReadOnlySpan<TRight> y, Span<TOut> destination);

    void Invoke(ReadOnlySpan<TLeft> x, TRight y, Span<TOut> destination);

    void Invoke(TLeft x, ReadOnlySpan<TRight> y, Span<TOut> destination);
}

/// <summary>A scalar function of two elements; <see cref="PerElement{TFunction, TLeft, TRight, TOut}"/> lifts it to spans.</summary>
public interface IBinaryFunction<TLeft, TRight, TOut>
{
    TOut Invoke(TLeft x, TRight y);
}

/// <summary>A function of three elements (Where's condition and branches, Clip's bounds).</summary>
public interface ITernaryFunction<T1, T2, T3, TOut>
{
    TOut Invoke(T1 a, T2 b, T3 c);
}

/// <summary>Applies a scalar unary function element by element (for functions TensorPrimitives does not offer).</summary>
public readonly struct PerElement<TFunction, TIn, TOut>(TFunction function) : IUnaryOperation<TIn, TOut>
    where TFunction : struct, IUnaryFunction<TIn, TOut>
{
    public void Invoke(ReadOnlySpan<TIn> x, Span<TOut> destination)
    {
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = function.Invoke(x[i]);
        }
    }
}

/// <summary>Applies a scalar binary function element by element (for functions TensorPrimitives does not offer).</summary>
public readonly struct PerElement<TFunction, TLeft, TRight, TOut>(TFunction function) : IBinaryOperation<TLeft, TRight, TOut>
    where TFunction : struct, IBinaryFunction<TLeft, TRight, TOut>
{
    public void Invoke(ReadOnlySpan<TLeft> x, ReadOnlySpan<TRight> y, Span<TOut> destination)
    {
        destination = destination[..x.Length];
        y = y[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = function.Invoke(x[i], y[i]);
        }
    }

    public void Invoke(ReadOnlySpan<TLeft> x, TRight y, Span<TOut> destination)
    {
        destination = destination[..x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = function.Invoke(x[i], y);
        }
    }

    public void Invoke(TLeft x, ReadOnlySpan<TRight> y, Span<TOut> destination)
    {
        destination = destination[..y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            destination[i] = function.Invoke(x, y[i]);
        }
    }
}
