using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Kernels.Linear;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// MatMul (float32, NumPy rules): 1-D operands promoted to a row or a column, batch dims broadcast (the shared
/// <see cref="MatMulGeometry"/>); one loop per batch dim, then one pipelined output per iteration summing K products
/// (in acc_t in a fixed-point design, <see cref="HlsNumbers"/>).
/// </summary>
[HlsEmitter("MatMul")]
[HlsFixedEmitter("MatMul")]
public sealed class HlsMatMul : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var mm = MatMulGeometry.Of(node);
        var (a, b, y) = (mm.A, mm.B, mm.Y);
        node.RequireType(a, DataType.Float);
        node.RequireType(b, DataType.Float);
        long m = mm.M, k = mm.K, n = mm.N;
        long[] batch = mm.Batch, aStrides = mm.ABatchStrides, bStrides = mm.BBatchStrides;
        int batchRank = batch.Length;
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
            .Line($"{HlsNumbers.Of(node).Accumulator} acc = {HlsNumbers.Of(node).Zero};")
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
}
