using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Kernels.Linear;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Gemm and FusedGemm (float32): Y = alpha·op(A)·op(B) + beta·C with C broadcast to [M, N] (the shared
/// <see cref="GemmGeometry"/>), one pipelined output per iteration, summing K products; FusedGemm applies its
/// activation as it stores. A dense layer is a Gemm with M = 1. In a fixed-point design (<see cref="HlsNumbers"/>)
/// the products sum in acc_t and the bias adds at full precision; alpha and beta must be 1 there (a scale would
/// round again, outside the error bound).
/// </summary>
[HlsEmitter("Gemm")]
[HlsEmitter("FusedGemm", Domain = AidgeDomain.Name)]
[HlsFixedEmitter("Gemm")]
[HlsFixedEmitter("FusedGemm", Domain = AidgeDomain.Name)]
public sealed class HlsGemm : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var gemm = GemmGeometry.Of(node);
        var (a, b, c, y) = (gemm.A, gemm.B, gemm.C, gemm.Y);
        node.RequireType(a, DataType.Float);
        node.RequireType(b, DataType.Float);
        var numbers = HlsNumbers.Of(node);
        if (numbers.Fixed && (gemm.Alpha != 1f || (gemm.WithBias && gemm.Beta != 1f)))
        {
            throw node.Unsupported("a fixed-point design computes Gemm with alpha = beta = 1 only; fold the scales into the weights, or remove the Precision metadata");
        }
        long n = gemm.N;
        var (aRow, aColumn) = gemm.AStrides;
        var (bRow, bColumn) = gemm.BStrides;
        string product = $"a[m * {aRow} + k * {aColumn}] * b[k * {bRow} + n * {bColumn}]";
        string result = gemm.Alpha == 1f ? "acc" : $"{CLiteral.Float(gemm.Alpha)} * acc";
        if (gemm.WithBias)
        {
            string term = $"c[{(gemm.BiasRows == 1 ? "0" : $"m * {gemm.BiasCols}")} + {(gemm.BiasCols == 1 ? "0" : "n")}]";
            result += gemm.Beta == 1f ? $" + {term}" : $" + {CLiteral.Float(gemm.Beta)} * {term}";
        }
        var body = new HlsBody()
            .For("m", gemm.M, HlsLoopRole.Outer)
            .For("n", n, HlsLoopRole.PerOutput)
            .Line($"{numbers.Accumulator} acc = {numbers.Zero};")
            .For("k", gemm.K, HlsLoopRole.Reduction).Line($"acc += {product};").End()
            .Line($"y[m * {n} + n] = {HlsActivation.Apply(node, HlsActivation.Of(node), result)};")
            .End()
            .End();
        var parameters = new List<HlsParameter> { HlsLayer.In("a", a), HlsLayer.In("b", b) };
        if (gemm.WithBias)
        {
            parameters.Add(HlsLayer.In("c", c!));
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of(node.Node.OpType, body, [.. parameters]);
    }
}
