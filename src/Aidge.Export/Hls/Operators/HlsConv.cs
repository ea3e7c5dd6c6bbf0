using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Kernels.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Conv and FusedConv (float32, 1 to 3 spatial dims, groups, dilations, pads and auto_pad; the geometry is the shared
/// <see cref="SpatialWindow"/>): the direct convolution of <see cref="HlsConvNest"/> in float, or in a fixed-point
/// design's data_t summed in acc_t (<see cref="HlsNumbers"/>); FusedConv applies its activation as it stores.
/// </summary>
[HlsEmitter("Conv")]
[HlsEmitter("FusedConv", Domain = AidgeDomain.Name)]
[HlsFixedEmitter("Conv")]
[HlsFixedEmitter("FusedConv", Domain = AidgeDomain.Name)]
public sealed class HlsConv : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var conv = ConvGeometry.Of(node);
        var (x, w, bias) = (conv.X, conv.W, conv.Bias);
        node.RequireType(x, DataType.Float);
        node.RequireType(w, DataType.Float);
        var numbers = HlsNumbers.Of(node);
        string store = HlsActivation.Apply(node, HlsActivation.Of(node), "acc");
        var body = HlsConvNest.Write(conv, $"{numbers.Accumulator} acc = {(bias is null ? numbers.Zero : "b[co]")};", (input, tap) => $"acc += {input} * {tap};",
            output => $"{output} = {store};");
        yield return HlsLayer.Of(node.Node.OpType, body, HlsConvNest.Parameters(conv));
    }
}
