using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>
/// C = alpha·op(A)·op(B) + beta·C for any numeric element type: float and double run on <see cref="BlockedGemm"/>,
/// integer types (Gemm and MatMul allow them) on a plain loop that keeps their wrap-around arithmetic exact.
/// </summary>
internal static class MatrixProduct
{
    public static void Multiply<T>(int m, int n, int k, ReadOnlySpan<T> a, int lda, bool transA, ReadOnlySpan<T> b, int ldb, bool transB,
        Span<T> c, int ldc, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            BlockedGemm.Multiply(m, n, k, MemoryMarshal.Cast<T, float>(a), lda, transA, MemoryMarshal.Cast<T, float>(b), ldb, transB,
                MemoryMarshal.Cast<T, float>(c), ldc, Unsafe.As<T, float>(ref alpha), Unsafe.As<T, float>(ref beta));
            return;
        }
        if (typeof(T) == typeof(double))
        {
            BlockedGemm.Multiply(m, n, k, MemoryMarshal.Cast<T, double>(a), lda, transA, MemoryMarshal.Cast<T, double>(b), ldb, transB,
                MemoryMarshal.Cast<T, double>(c), ldc, Unsafe.As<T, double>(ref alpha), Unsafe.As<T, double>(ref beta));
            return;
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
                }
                ref T target = ref c[i * ldc + j];
                target = alpha * sum + (beta == T.Zero ? T.Zero : beta * target);
            }
        }
    }
}
