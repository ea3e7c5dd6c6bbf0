using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Linear;

/// <summary>
/// MatMul (float32) with NumPy semantics: 1-D operands gain a unit dim (removed again in the output dims), leading dims
/// broadcast, and each output batch is one GEMM.
/// </summary>
[OpenMpEmitter("MatMul")]
public sealed class MatMul : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        var y = node.Output(0);
        node.RequireType(a, DataType.Float);
        long[] aDims = a.Rank == 1 ? [1, a.Dims[0]] : a.Dims.ToArray();
        long[] bDims = b.Rank == 1 ? [b.Dims[0], 1] : b.Dims.ToArray();
        long m = aDims[^2];
        long k = aDims[^1];
        long n = bDims[^1];
        int batchRank = Math.Max(aDims.Length, bDims.Length) - 2;
        long[] batch = Core.Operators.ShapeMath.Broadcast(aDims[..^2], bDims[..^2]);
        long batches = batch.Aggregate(1L, (p, d) => p * d);
        long[] aStrides = BroadcastStrides.Of(aDims[..^2], batch).Select(s => s * m * k).ToArray();
        long[] bStrides = BroadcastStrides.Of(bDims[..^2], batch).Select(s => s * k * n).ToArray();
        yield return new KernelCall(new RuntimeHelper("aidge_matmul_f32"), new[]
        {
            NodeContext.Threads, a.Read, b.Read, y.Write, CLiteral.Int(batches), batchRank.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CLiteral.Int64Array(batch), CLiteral.Int64Array(aStrides), CLiteral.Int64Array(bStrides), CLiteral.Int(m), CLiteral.Int(n), CLiteral.Int(k),
        }.ToEquatableArray());
    }
}
