using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Common;

/// <summary>
/// Elementwise loops over broadcast inputs. Equal shapes take one call over whole spans; otherwise each row of the
/// <see cref="BroadcastPlan"/> goes to the operation as a span, with a repeated operand passed as a scalar.
/// </summary>
public static class Broadcast
{
    /// <summary>Applies a unary operation to a whole tensor.</summary>
    public static Tensor Map<TOperation, TIn, TOut>(Tensor x, DataType resultType, TOperation operation)
        where TOperation : struct, IUnaryOperation<TIn, TOut>
        where TIn : unmanaged
        where TOut : unmanaged
    {
        var result = Tensor.Create(resultType, (long[])x.Dims.Clone());
        operation.Invoke(x.Span<TIn>(), result.Span<TOut>());
        return result;
    }

    /// <summary>Applies a binary operation to two tensors broadcast together.</summary>
    public static Tensor Combine<TOperation, TLeft, TRight, TOut>(Tensor x, Tensor y, DataType resultType, TOperation operation)
        where TOperation : struct, IBinaryOperation<TLeft, TRight, TOut>
        where TLeft : unmanaged
        where TRight : unmanaged
        where TOut : unmanaged
    {
        var plan = BroadcastPlan.Create(x.Dims, y.Dims);
        var result = Tensor.Create(resultType, plan.OutputDims);
        Combine(plan, x.Span<TLeft>(), y.Span<TRight>(), result.Span<TOut>(), operation);
        return result;
    }

    /// <summary>Applies a binary operation over a two-input plan (spans of any element type, strings included).</summary>
    public static void Combine<TOperation, TLeft, TRight, TOut>(
        BroadcastPlan plan, ReadOnlySpan<TLeft> x, ReadOnlySpan<TRight> y, Span<TOut> destination, TOperation operation)
        where TOperation : struct, IBinaryOperation<TLeft, TRight, TOut>
    {
        if (plan.IsElementwise)
        {
            operation.Invoke(x, y, destination[..plan.OutputLength]);
            return;
        }
        int length = plan.RowLength;
        bool xAdvances = plan.RowStride(0) == 1;
        bool yAdvances = plan.RowStride(1) == 1;
        var rows = plan.Rows();
        for (int row = 0, start = 0; row < plan.RowCount; row++, start += length)
        {
            var target = destination.Slice(start, length);
            int xOffset = rows.Offset(0);
            int yOffset = rows.Offset(1);
            // Broadcasting guarantees that at least one input advances along the innermost merged dim.
            if (xAdvances && yAdvances)
            {
                operation.Invoke(x.Slice(xOffset, length), y.Slice(yOffset, length), target);
            }
            else if (xAdvances)
            {
                operation.Invoke(x.Slice(xOffset, length), y[yOffset], target);
            }
            else
            {
                operation.Invoke(x[xOffset], y.Slice(yOffset, length), target);
            }
            rows.Next();
        }
    }

    /// <summary>Applies a function of three broadcast inputs element by element.</summary>
    public static void Combine<TFunction, T1, T2, T3, TOut>(
        BroadcastPlan plan, ReadOnlySpan<T1> a, ReadOnlySpan<T2> b, ReadOnlySpan<T3> c, Span<TOut> destination, TFunction function)
        where TFunction : struct, ITernaryFunction<T1, T2, T3, TOut>
    {
        if (plan.IsElementwise)
        {
            destination = destination[..plan.OutputLength];
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = function.Invoke(a[i], b[i], c[i]);
            }
            return;
        }
        int length = plan.RowLength;
        int aStride = plan.RowStride(0);
        int bStride = plan.RowStride(1);
        int cStride = plan.RowStride(2);
        var rows = plan.Rows();
        for (int row = 0, start = 0; row < plan.RowCount; row++, start += length)
        {
            var target = destination.Slice(start, length);
            int ai = rows.Offset(0);
            int bi = rows.Offset(1);
            int ci = rows.Offset(2);
            for (int i = 0; i < target.Length; i++, ai += aStride, bi += bStride, ci += cStride)
            {
                target[i] = function.Invoke(a[ai], b[bi], c[ci]);
            }
            rows.Next();
        }
    }
}
