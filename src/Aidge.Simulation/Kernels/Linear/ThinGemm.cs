using System.Numerics;
using System.Numerics.Tensors;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>
/// GEMMs with a single output column or very few output rows (matrix-vector products, a batch-1 fully connected
/// layer): packing would cost more than the arithmetic and the MR×NR tile would mostly multiply padding, so these
/// run as dot products or row updates directly on the operands.
/// </summary>
internal static class ThinGemm
{
    /// <summary>Rows up to which a GEMM counts as thin (below the micro-kernel's 6-row tile).</summary>
    public const int MaxRows = 4;

    public static bool Applies(int m, int n) => n == 1 || m <= MaxRows;

    public static void Run<T>(int m, int n, int k, ReadOnlySpan<T> a, int lda, bool transA, ReadOnlySpan<T> b, int ldb, bool transB,
        Span<T> c, int ldc, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        var rowA = new T[k];
        if (n == 1 || transB)
        {
            // Every output is a dot product of a row of op(A) with a contiguous row of B (transB) or the gathered column.
            T[]? column = n == 1 && !transB ? Gather(b, 0, ldb, k) : null;
            for (int i = 0; i < m; i++)
            {
                ReadOnlySpan<T> row = RowOfA(a, lda, transA, i, k, rowA);
                for (int j = 0; j < n; j++)
                {
                    ReadOnlySpan<T> right = column ?? b.Slice(j * ldb, k);
                    ref T target = ref c[i * ldc + j];
                    target = alpha * TensorPrimitives.Dot(row, right) + Scaled(target, beta);
                }
            }
            return;
        }
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = RowOfA(a, lda, transA, i, k, rowA);
            Span<T> output = c.Slice(i * ldc, n);
            if (beta == T.Zero)
            {
                output.Clear();
            }
            else if (beta != T.One)
            {
                TensorPrimitives.Multiply(output, beta, output);
            }
            for (int p = 0; p < k; p++)
            {
                TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), alpha * row[p], output, output);
            }
        }
    }

    /// <summary>beta·c, where beta = 0 ignores c entirely (BLAS semantics: a NaN in an unset C does not leak).</summary>
    private static T Scaled<T>(T c, T beta)
        where T : INumber<T> => beta == T.Zero ? T.Zero : beta * c;

    private static ReadOnlySpan<T> RowOfA<T>(ReadOnlySpan<T> a, int lda, bool transA, int i, int k, T[] scratch)
        where T : unmanaged
    {
        if (!transA)
        {
            return a.Slice(i * lda, k);
        }
        for (int p = 0; p < k; p++)
        {
            scratch[p] = a[p * lda + i];
        }
        return scratch;
    }

    private static T[] Gather<T>(ReadOnlySpan<T> source, int start, int stride, int count)
        where T : unmanaged
    {
        var result = new T[count];
        for (int p = 0; p < count; p++)
        {
            result[p] = source[start + p * stride];
        }
        return result;
    }
}
