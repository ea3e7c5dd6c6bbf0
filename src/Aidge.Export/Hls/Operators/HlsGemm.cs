using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.OpenMp.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Gemm and FusedGemm (float32): Y = alpha·op(A)·op(B) + beta·C with C broadcast to [M, N] (the shared
/// <see cref="BroadcastStrides"/>), one pipelined output per iteration, summing K products; FusedGemm applies its
/// activation as it stores. A dense layer is a Gemm with M = 1.
/// </summary>
[HlsEmitter("Gemm")]
[HlsEmitter("FusedGemm", Domain = AidgeDomain.Name)]
public sealed class HlsGemm : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        var c = node.OptionalInput(2);
        var y = node.Output(0);
        node.RequireType(a, DataType.Float);
        node.RequireType(b, DataType.Float);
        bool transA = node.GetInt("transA") != 0, transB = node.GetInt("transB") != 0;
        float alpha = node.GetFloat("alpha"), beta = node.GetFloat("beta");
        long m = y.Dims[0], n = y.Dims[1], k = transA ? a.Dims[0] : a.Dims[1];
        string aIndex = transA ? $"k * {m} + m" : $"m * {k} + k";
        string bIndex = transB ? $"n * {k} + k" : $"k * {n} + n";
        string product = $"a[{aIndex}] * b[{bIndex}]";
        string result = alpha == 1f ? "acc" : $"{CLiteral.Float(alpha)} * acc";
        if (c is not null && beta != 0f)
        {
            long[] strides = BroadcastStrides.Of(c.Dims.ToArray(), [m, n]);
            string term = $"c[m * {strides[0]} + n * {strides[1]}]";
            result += beta == 1f ? $" + {term}" : $" + {CLiteral.Float(beta)} * {term}";
        }
        var body = new HlsBody()
            .For("m", m, HlsLoopRole.Outer)
            .For("n", n, HlsLoopRole.PerOutput)
            .Line("float acc = 0.0f;")
            .For("k", k, HlsLoopRole.Reduction).Line($"acc += {product};").End()
            .Line($"y[m * {n} + n] = {HlsActivation.Apply(HlsActivation.Of(node), result)};")
            .End()
            .End();
        var parameters = new List<HlsParameter> { HlsLayer.In("a", a), HlsLayer.In("b", b) };
        if (c is not null && beta != 0f)
        {
            parameters.Add(HlsLayer.In("c", c));
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of(node.Node.OpType, body, [.. parameters]);
    }
}
