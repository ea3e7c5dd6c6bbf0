using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Quantized;

/// <summary>
/// QuantizeLinear (float or double into 8- and 16-bit integers) and DequantizeLinear (8-, 16- and 32-bit integers into
/// float32), per tensor or per axis, with the simulator's arithmetic (Cuda/Runtime/aidge_cu_quantize.cu and
/// aidge_cu_dequantize.cu); the checks are the shared <see cref="LinearQuantization"/>.
/// </summary>
[CudaEmitter("QuantizeLinear", SinceVersion = 10)]
[CudaEmitter("DequantizeLinear", SinceVersion = 10)]
public sealed class CudaQuantizeLinear : INodeEmitter
{
    private static readonly CudaRuntimeHelper Quantize = new("aidge_cu_quantize");

    private static readonly CudaRuntimeHelper Dequantize = new("aidge_cu_dequantize");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        if (node.Node.OpType == "DequantizeLinear")
        {
            var d = LinearQuantization.Dequantize(node);
            yield return new KernelCall(Dequantize, new[]
            {
                d.X.Read, d.Scale.Read, d.ZeroPoint?.Read ?? $"(const {d.X.CType}*)0", d.Y.Write, CLiteral.Int(d.Axis.Channels), CLiteral.Int(Math.Max(1, d.Axis.Inner)),
                CLiteral.Int(d.Y.ElementCount), CudaNode.Stream,
            }.ToEquatableArray());
            yield break;
        }
        var q = LinearQuantization.Quantize(node);
        var (min, max) = LinearQuantization.Range(q.Y.Type);
        yield return new KernelCall(Quantize, new[]
        {
            q.X.Read, q.Scale.Read, q.ZeroPoint?.Read ?? $"(const {q.Y.CType}*)0", q.Y.Write, CLiteral.Int(q.Axis.Channels), CLiteral.Int(Math.Max(1, q.Axis.Inner)),
            q.InDouble ? "1" : "0", CLiteral.Double(min), CLiteral.Double(max), CLiteral.Int(q.Y.ElementCount), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
