using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.OpenMp.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// MatMul (float32, NumPy rules): 1-D operands promoted to a row or a column, batch dims broadcast (the shared
/// <see cref="BroadcastStrides"/>); one loop per batch dim, then one pipelined output per iteration summing K products.
/// </summary>
[HlsEmitter("MatMul")]
public sealed class HlsMatMul : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        var y = node.Output(0);
        node.RequireType(a, DataType.Float);
        node.RequireType(b, DataType.Float);
        long[] aDims = a.Rank == 1 ? [1, a.Dims[0]] : a.Dims.ToArray();
        long[] bDims = b.Rank == 1 ? [b.Dims[0], 1] : b.Dims.ToArray();
        long m = aDims[^2], k = aDims[^1], n = bDims[^1];
        int batchRank = Math.Max(aDims.Length, bDims.Length) - 2;
        long[] batch = BatchDims(aDims, bDims, batchRank);
        long[] aStrides = BroadcastStrides.Of(aDims[..^2], batch).Select(s => s * m * k).ToArray();
        long[] bStrides = BroadcastStrides.Of(bDims[..^2], batch).Select(s => s * k * n).ToArray();
        var body = new HlsBody();
        string aBase = "0", bBase = "0", yBase = "0";
        long yStride = m * n;
        for (int d = batchRank - 1; d >= 0; d--)
        {
            yBase = $"{yBase} + i{d} * {yStride}";
            yStride *= batch[d];
        }
        for (int d = 0; d < batchRank; d++)
        {
            body.For($"i{d}", batch[d], HlsLoopRole.Outer);
            aBase += $" + i{d} * {aStrides[d]}";
            bBase += $" + i{d} * {bStrides[d]}";
        }
        body.For("m", m, HlsLoopRole.Outer)
            .For("n", n, HlsLoopRole.PerOutput)
            .Line("float acc = 0.0f;")
            .For("k", k, HlsLoopRole.Reduction).Line($"acc += a[{aBase} + m * {k} + k] * b[{bBase} + k * {n} + n];").End()
            .Line($"y[{yBase} + m * {n} + n] = acc;")
            .End()
            .End();
        for (int d = 0; d < batchRank; d++)
        {
            body.End();
        }
        yield return HlsLayer.Of("matmul", body, HlsLayer.In("a", a), HlsLayer.In("b", b), HlsLayer.Out("y", y));
    }

    private static long[] BatchDims(long[] a, long[] b, int rank)
    {
        var dims = new long[rank];
        for (int i = 1; i <= rank; i++)
        {
            long da = a.Length - 2 - i >= 0 ? a[a.Length - 2 - i] : 1;
            long db = b.Length - 2 - i >= 0 ? b[b.Length - 2 - i] : 1;
            dims[^i] = Math.Max(da, db);
        }
        return dims;
    }
}
