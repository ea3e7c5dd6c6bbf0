using System.Numerics;
using Aidge.Simulation.Kernels.Linear;

namespace Aidge.Simulation.Kernels.Common;

/// <summary>
/// [batch, m, k] × [batch, k, n] → [batch, m, n] on contiguous buffers (Einsum's contractions, attention heads):
/// each batch is one <see cref="MatrixProduct"/> call, so float and double run on the blocked GEMM.
/// </summary>
internal static class BatchedMatrixProduct
{
    public static void Multiply<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> output, int batch, int m, int k, int n)
        where T : unmanaged, INumber<T>
    {
        if (k == 0)
        {
            // An empty sum: GEMM rejects zero leading dimensions, and the product is all zeros.
            output[..(batch * m * n)].Clear();
            return;
        }
        if (m == 0 || n == 0)
        {
            return;
        }
        for (int b = 0; b < batch; b++)
        {
            MatrixProduct.Multiply(m, n, k, left.Slice(b * m * k, m * k), k, false, right.Slice(b * k * n, k * n), n, false,
                output.Slice(b * m * n, m * n), n, T.One, T.Zero);
        }
    }
}
