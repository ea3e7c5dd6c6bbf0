using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Transpose (any element type): one loop per output dim, the last pipelined, reading the input through its strides
/// permuted by <c>perm</c> (reversed dims by default).
/// </summary>
[HlsEmitter("Transpose")]
public sealed class HlsTranspose : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        long[] perm = node.GetInts("perm") is { Length: > 0 } p ? p : Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != x.Rank || perm.Distinct().Count() != perm.Length || perm.Any(d => d < 0 || d >= x.Rank))
        {
            throw node.Unsupported($"perm [{string.Join(", ", perm)}] is not a permutation of the {x.Rank} dims");
        }
        long[] inStrides = TensorLayout.Strides(x.Dims);
        long[] outStrides = TensorLayout.Strides(y.Dims);
        var body = new HlsBody();
        var read = new List<string>();
        var write = new List<string>();
        for (int d = 0; d < y.Rank; d++)
        {
            body.For($"i{d}", y.Dims[d], d == y.Rank - 1 ? HlsLoopRole.PerOutput : HlsLoopRole.Outer);
            read.Add($"i{d} * {inStrides[perm[d]]}");
            write.Add($"i{d} * {outStrides[d]}");
        }
        if (y.Rank == 0)
        {
            body.For("i", 1, HlsLoopRole.PerOutput);
            read.Add("0");
            write.Add("0");
        }
        body.Line($"y[{string.Join(" + ", write)}] = x[{string.Join(" + ", read)}];");
        for (int d = 0; d < Math.Max(1, y.Rank); d++)
        {
            body.End();
        }
        yield return HlsLayer.Of("transpose", body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }
}
