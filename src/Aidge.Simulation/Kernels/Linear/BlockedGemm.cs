using System.Numerics;
using System.Runtime.Intrinsics;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>
/// The one matrix multiply that Gemm, MatMul, Conv and ConvTranspose (and their integer forms, through double)
/// run on: C = alpha·op(A)·op(B) + beta·C over row-major matrices with leading dimensions, where op transposes
/// on request. Cache-blocked, packed and vectorized (see <see cref="GemmDriver{T, TVector, TLanes}"/>).
/// </summary>
public static unsafe class BlockedGemm
{
    public static void Multiply(int m, int n, int k, ReadOnlySpan<float> a, int lda, bool transA, ReadOnlySpan<float> b, int ldb, bool transB,
        Span<float> c, int ldc, float alpha = 1f, float beta = 0f) => Dispatch(m, n, k, a, lda, transA, b, ldb, transB, c, ldc, alpha, beta);

    public static void Multiply(int m, int n, int k, ReadOnlySpan<double> a, int lda, bool transA, ReadOnlySpan<double> b, int ldb, bool transB,
        Span<double> c, int ldc, double alpha = 1d, double beta = 0d) => Dispatch(m, n, k, a, lda, transA, b, ldb, transB, c, ldc, alpha, beta);

    private static void Dispatch<T>(int m, int n, int k, ReadOnlySpan<T> a, int lda, bool transA, ReadOnlySpan<T> b, int ldb, bool transB,
        Span<T> c, int ldc, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        CheckOperand("A", a.Length, transA ? k : m, transA ? m : k, lda);
        CheckOperand("B", b.Length, transB ? n : k, transB ? k : n, ldb);
        CheckOperand("C", c.Length, m, n, ldc);
        if (ThinGemm.Applies(m, n) && k > 0)
        {
            ThinGemm.Run(m, n, k, a, lda, transA, b, ldb, transB, c, ldc, alpha, beta);
            return;
        }
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                GemmDriver<T, Vector512<T>, Vector512Lanes<T>>.Run(m, n, k, pa, lda, transA, pb, ldb, transB, pc, ldc, alpha, beta);
            }
            else
            {
                GemmDriver<T, Vector<T>, VectorLanes<T>>.Run(m, n, k, pa, lda, transA, pb, ldb, transB, pc, ldc, alpha, beta);
            }
        }
    }

    /// <summary>The unsafe driver trusts these bounds, so they are checked once here for every operand.</summary>
    private static void CheckOperand(string name, int length, int rows, int columns, int leading)
    {
        if (rows < 0 || columns < 0 || leading < columns)
        {
            throw new ArgumentException($"GEMM operand {name}: {rows}×{columns} with leading dimension {leading} is invalid.");
        }
        long needed = rows == 0 || columns == 0 ? 0 : (long)(rows - 1) * leading + columns;
        if (length < needed)
        {
            throw new ArgumentException($"GEMM operand {name}: {rows}×{columns} with leading dimension {leading} needs {needed} elements, got {length}.");
        }
    }
}
