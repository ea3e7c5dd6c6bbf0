using Aidge.Core.Operators.Aidge;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Quantized;

/// <summary>
/// ai.aidge QGemm: Y[M, N] = requantize(C + (A − x_zero_point)·Bᵀ), A uint8 or int8 [M, K], B int8 [N, K], C int32
/// [N]. The packed int8 GEMM of QConv (aidge_qgemm), or dot products for a batch of a few rows.
/// </summary>
[OpenMpEmitter("QGemm", Domain = AidgeDomain.Name)]
public sealed class QGemm : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        var y = node.Output(0);
        long m = y.Dims[0];
        long n = y.Dims[1];
        long k = b.Dims[1];
        var parameters = QuantizedLayerParameters.Of(node, a, b, node.OptionalInput(2), n, k, withCorrection: true);
        yield return parameters.Call("aidge_qgemm", new[]
        {
            NodeContext.Threads, a.Read, b.Read, y.Write, parameters.Argument, CLiteral.Int(m), CLiteral.Int(n), CLiteral.Int(k),
        });
    }
}
