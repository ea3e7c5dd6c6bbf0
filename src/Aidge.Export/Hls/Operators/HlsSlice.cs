using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>Slice (any element type): the output read from the input at the shared <see cref="MovementViews.Slice"/> offset and strides; the bounds must be constants.</summary>
[HlsEmitter("Slice")]
public sealed class HlsSlice : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (from, strides) = MovementViews.Slice(node);
        var body = new HlsBody();
        HlsView.Gather(body, node.Output(0).Dims.ToArray(), "x", from, strides, "y");
        yield return HlsLayer.Of("slice", body, HlsLayer.In("x", node.Input(0)), HlsLayer.Out("y", node.Output(0)));
    }
}
