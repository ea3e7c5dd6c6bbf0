using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Transpose (any element type): one loop per output dim, the last pipelined, reading the input through its strides
/// permuted by <c>perm</c> (the shared <see cref="MovementViews.Transpose"/>).
/// </summary>
[HlsEmitter("Transpose")]
[HlsFixedEmitter("Transpose")]
public sealed class HlsTranspose : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        var body = new HlsBody();
        HlsView.Gather(body, y.Dims.ToArray(), "x", 0, MovementViews.Transpose(node), "y");
        yield return HlsLayer.Of("transpose", body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }
}
