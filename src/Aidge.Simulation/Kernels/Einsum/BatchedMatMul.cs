using System.Numerics;
using System.Numerics.Tensors;

namespace Aidge.Simulation.Kernels.Einsum;

/// <summary>
/// [batch, m, k] x [batch, k, n] -> [batch, m, n] on contiguous buffers: each output row accumulates rows of
/// the right operand scaled by one left element, so the inner loop is a vectorized multiply-add.
/// </summary>
public static class BatchedMatMul
{
    public static void Multiply<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> output, int batch, int m, int k, int n)
        where T : unmanaged, INumber<T>
    {
        output[..(batch * m * n)].Clear();
        for (int b = 0; b < batch; b++)
        {
            var a = left.Slice(b * m * k, m * k);
            var r = right.Slice(b * k * n, k * n);
            for (int i = 0; i < m; i++)
            {
                var row = output.Slice((b * m + i) * n, n);
                for (int p = 0; p < k; p++)
                {
                    TensorPrimitives.MultiplyAdd(r.Slice(p * n, n), a[i * k + p], row, row);
                }
            }
        }
    }
}
