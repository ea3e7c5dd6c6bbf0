using System.Numerics;
using System.Numerics.Tensors;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>
/// Numerically stable (log-)softmax over the middle axis of a [outer, axis, inner] view, with span operations
/// over contiguous rows: the max is subtracted first so large inputs do not overflow.
/// </summary>
public static class SoftmaxMath
{
    public static void Softmax<T>(ReadOnlySpan<T> input, Span<T> output, int axisSize, int inner, bool log)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int block = axisSize * inner;
        if (block == 0)
        {
            return;
        }
        var max = new T[inner];
        var sum = new T[inner];
        for (int start = 0; start < input.Length; start += block)
        {
            var x = input.Slice(start, block);
            var y = output.Slice(start, block);
            if (inner == 1)
            {
                SoftmaxRow(x, y, log);
                continue;
            }
            x[..inner].CopyTo(max);
            for (int a = 1; a < axisSize; a++)
            {
                TensorPrimitives.Max(max, x.Slice(a * inner, inner), max);
            }
            ReplaceInfinities(max);
            sum.AsSpan().Clear();
            for (int a = 0; a < axisSize; a++)
            {
                var row = y.Slice(a * inner, inner);
                TensorPrimitives.Subtract(x.Slice(a * inner, inner), max, row);
                TensorPrimitives.Exp(row, row);
                TensorPrimitives.Add(sum, row, sum);
            }
            if (log)
            {
                // log softmax = x - max - log(sum), recomputed from x to keep its precision.
                TensorPrimitives.Log(sum, sum);
                TensorPrimitives.Add(sum, max, sum);
                for (int a = 0; a < axisSize; a++)
                {
                    TensorPrimitives.Subtract(x.Slice(a * inner, inner), sum, y.Slice(a * inner, inner));
                }
            }
            else
            {
                for (int a = 0; a < axisSize; a++)
                {
                    var row = y.Slice(a * inner, inner);
                    TensorPrimitives.Divide(row, sum, row);
                }
            }
        }
    }

    /// <summary>(Log-)softmax of one contiguous row.</summary>
    public static void SoftmaxRow<T>(ReadOnlySpan<T> x, Span<T> y, bool log)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = TensorPrimitives.Max(x);
        max = T.IsInfinity(max) ? T.Zero : max;
        TensorPrimitives.Subtract(x, max, y);
        if (log)
        {
            // y holds x - max; log softmax subtracts log(sum(exp(x - max))).
            var exponentials = new T[x.Length];
            TensorPrimitives.Exp(y, exponentials);
            TensorPrimitives.Subtract(y, T.Log(TensorPrimitives.Sum<T>(exponentials)), y);
            return;
        }
        TensorPrimitives.Exp(y, y);
        TensorPrimitives.Divide(y, TensorPrimitives.Sum<T>(y), y);
    }

    /// <summary>An infinite max (all -inf row, or +inf present) shifts by 0 instead, so no inf - inf appears.</summary>
    private static void ReplaceInfinities<T>(Span<T> max)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < max.Length; i++)
        {
            if (T.IsInfinity(max[i]))
            {
                max[i] = T.Zero;
            }
        }
    }
}
