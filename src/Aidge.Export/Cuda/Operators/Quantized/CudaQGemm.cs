using Aidge.Core.Operators.Aidge;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Quantized;

/// <summary>
/// ai.aidge QGemm: Y[M, N] = requantize(C + (A − x_zero_point)·Bᵀ), A uint8 or int8 [M, K], B int8 [N, K], C int32
/// [N], one thread per output with int32 sums (Cuda/Runtime/aidge_cu_qgemm.cu), bit-exact with the simulator.
/// </summary>
[CudaEmitter("QGemm", Domain = AidgeDomain.Name)]
public sealed class CudaQGemm : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        var bias = node.OptionalInput(2);
        var y = node.Output(0);
        var layer = QuantizedLayer.Of(node, a, b, bias, y.Dims[1]);
        string t = a.CType;
        var kernel = new CudaQuantizedKernel("qgemm", a.Type,
            $"const {t}* a, const int8_t* b, const int32_t* bias, {t}* y, long long m, long long n, long long k, aidge_cu_qlayer q",
            "a, b, bias, y, m, n, k, q", "m * n", CudaQuantizedKernel.Requantization(layer));
        yield return new KernelCall(kernel, new[]
        {
            a.Read, b.Read, bias?.Read ?? "(const int32_t*)0", y.Write, CLiteral.Int(y.Dims[0]), CLiteral.Int(y.Dims[1]), CLiteral.Int(b.Dims[1]),
            CudaQuantizedKernel.Layer(layer), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
