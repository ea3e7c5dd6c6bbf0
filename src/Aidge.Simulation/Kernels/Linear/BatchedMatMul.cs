using System.Numerics;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>
/// numpy.matmul over concrete tensors: 1-D operands promoted to a row (left) or column (right) and dropped from the
/// result, batch dims broadcast, each batch one <see cref="MatrixProduct"/> call. Shared by MatMul, MatMulInteger
/// and QLinearMatMul.
/// </summary>
internal static class BatchedMatMul
{
    public static Tensor Run<T>(DataType type, long[] aDims, ReadOnlySpan<T> a, long[] bDims, ReadOnlySpan<T> b)
        where T : unmanaged, INumber<T>
    {
        if (aDims.Length == 0 || bDims.Length == 0)
        {
            throw new ArgumentException("MatMul operands cannot be scalars.");
        }
        long[] left = aDims.Length == 1 ? [1, aDims[0]] : aDims;
        long[] right = bDims.Length == 1 ? [bDims[0], 1] : bDims;
        int m = (int)left[^2];
        int k = (int)left[^1];
        int n = (int)right[^1];
        if (right[^2] != k)
        {
            throw new ArgumentException($"MatMul inner dims differ: [{string.Join(",", aDims)}] and [{string.Join(",", bDims)}].");
        }
        long[] batchA = left[..^2];
        long[] batchB = right[..^2];
        long[] batch = ShapeMath.Broadcast(batchA, batchB);
        var outputDims = new List<long>(batch);
        if (aDims.Length >= 2)
        {
            outputDims.Add(m);
        }
        if (bDims.Length >= 2)
        {
            outputDims.Add(n);
        }
        var y = Tensor.Create(type, outputDims.ToArray());
        var output = y.Span<T>();
        long batchCount = Tensor.ElementCountOf(batch);
        if (batchCount == 0 || m == 0 || n == 0)
        {
            return y;
        }
        if (Tensor.ElementCountOf(batchB) == 1 && Tensor.ElementCountOf(batchA) == batchCount)
        {
            // One right matrix for every left one: the batches stack into a single taller product.
            MatrixProduct.Multiply(checked((int)batchCount * m), n, k, a, k, false, b, n, false, output, n, T.One, T.Zero);
            return y;
        }
        var mapA = BroadcastMap.SourceIndices(batchA, batch);
        var mapB = BroadcastMap.SourceIndices(batchB, batch);
        for (int t = 0; t < batchCount; t++)
        {
            MatrixProduct.Multiply(m, n, k, a.Slice(mapA[t] * m * k, m * k), k, false, b.Slice(mapB[t] * k * n, k * n), n, false,
                output.Slice(t * m * n, m * n), n, T.One, T.Zero);
        }
        return y;
    }
}
