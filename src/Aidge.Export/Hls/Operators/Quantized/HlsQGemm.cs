using Aidge.Core.Operators.Aidge;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators.Quantized;

/// <summary>
/// ai.aidge QGemm: Y[M, N] from A[M, K] (uint8 or int8) and B[N, K] (int8, transposed), Σ (a − x_zero_point)·b + C[n] in
/// an aidge::integer&lt;32&gt;, each output requantized by its column's multiplier and shift
/// (<see cref="HlsRequantization"/>); one pipelined output per iteration, summing K products.
/// </summary>
[HlsEmitter("QGemm", Domain = AidgeDomain.Name)]
public sealed class HlsQGemm : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        var c = node.OptionalInput(2);
        var y = node.Output(0);
        if (a.Rank != 2 || b.Rank != 2 || a.Dims[1] != b.Dims[1])
        {
            throw node.Unsupported($"QGemm needs A [M, K] and B [N, K], got [{string.Join(", ", a.Dims)}] and [{string.Join(", ", b.Dims)}]");
        }
        long m = a.Dims[0], k = a.Dims[1], n = b.Dims[0];
        var requantization = HlsRequantization.Of(node, a, b, c, y, n);
        var body = new HlsBody();
        foreach (string line in requantization.Tables())
        {
            body.Line(line);
        }
        body.For("m", m, HlsLoopRole.Outer)
            .For("n", n, HlsLoopRole.PerOutput)
            .Line(HlsRequantization.Start(c is null ? null : "c[n]"))
            .For("k", k, HlsLoopRole.Reduction).Line(requantization.Tap($"a[m * {k} + k]", $"b[n * {k} + k]")).End()
            .Line(requantization.Store($"y[m * {n} + n]", "n"))
            .End()
            .End();
        var parameters = new List<HlsParameter> { HlsLayer.In("a", a), HlsLayer.In("b", b) };
        if (c is not null)
        {
            parameters.Add(HlsLayer.In("c", c));
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of(node.Node.OpType, body, [HlsRequantization.Header], [.. parameters]);
    }
}
