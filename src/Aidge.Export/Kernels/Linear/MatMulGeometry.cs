using Aidge.Core.Operators;
using Aidge.Export.OpenMp.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels.Linear;

/// <summary>
/// MatMul with NumPy semantics, read once for every target: 1-D operands gain a unit dim (removed again in the output
/// dims), leading dims broadcast, and each of the <see cref="Batches"/> output matrices is one [M, K]·[K, N] product
/// whose operands start at the element offsets that <see cref="ABatchStrides"/> and <see cref="BBatchStrides"/> give
/// per batch dim (0 where an operand repeats).
/// </summary>
public sealed record MatMulGeometry(TensorRef A, TensorRef B, TensorRef Y, long M, long N, long K, long[] Batch, long[] ABatchStrides, long[] BBatchStrides)
{
    public long Batches => Batch.Aggregate(1L, (p, d) => p * d);

    public static MatMulGeometry Of(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        long[] aDims = a.Rank == 1 ? [1, a.Dims[0]] : a.Dims.ToArray();
        long[] bDims = b.Rank == 1 ? [b.Dims[0], 1] : b.Dims.ToArray();
        long m = aDims[^2];
        long k = aDims[^1];
        long n = bDims[^1];
        long[] batch = ShapeMath.Broadcast(aDims[..^2], bDims[..^2]);
        long[] aStrides = BroadcastStrides.Of(aDims[..^2], batch).Select(s => s * m * k).ToArray();
        long[] bStrides = BroadcastStrides.Of(bDims[..^2], batch).Select(s => s * k * n).ToArray();
        return new MatMulGeometry(a, b, node.Output(0), m, n, k, batch, aStrides, bStrides);
    }
}
