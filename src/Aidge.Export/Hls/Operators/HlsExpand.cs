using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>Expand (any element type): the output read from the input through its broadcast strides (the shared <see cref="BroadcastStrides"/>).</summary>
[HlsEmitter("Expand")]
public sealed class HlsExpand : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        var body = new HlsBody();
        HlsView.Gather(body, y.Dims.ToArray(), "x", 0, BroadcastStrides.Of(x.Dims.ToArray(), y.Dims.ToArray()), "y");
        yield return HlsLayer.Of("expand", body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }
}
