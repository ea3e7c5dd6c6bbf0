using Aidge.Core.Operators.Aidge;
using Aidge.Export.Kernels.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators.Quantized;

/// <summary>
/// ai.aidge QConv: the direct convolution of <see cref="HlsConvNest"/> in integers, Σ (x − x_zero_point)·w + bias in
/// an aidge::integer&lt;32&gt;, each output requantized by its channel's multiplier and shift
/// (<see cref="HlsRequantization"/>): the simulator's arithmetic bit for bit.
/// </summary>
[HlsEmitter("QConv", Domain = AidgeDomain.Name)]
public sealed class HlsQConv : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var conv = ConvGeometry.Of(node);
        var requantization = HlsRequantization.Of(node, conv.X, conv.W, conv.Bias, conv.Y, conv.OutputChannels);
        var body = HlsConvNest.Write(conv, HlsRequantization.Start(conv.Bias is null ? null : "b[co]"), requantization.Tap,
            output => requantization.Store(output, "co"), requantization.Tables());
        yield return Model.HlsLayer.Of(node.Node.OpType, body, [HlsRequantization.Header], HlsConvNest.Parameters(conv));
    }
}
