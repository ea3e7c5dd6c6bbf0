using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Relu of a fixed-point design: <c>aidge_hls_relu_fixed</c> (aidge_hls_fixed.h) on each data_t element, exact, so the
/// error bound passes its input's error through. The float Relu is one row of <see cref="HlsUnary"/>'s shared table.
/// </summary>
[HlsFixedEmitter("Relu")]
public sealed class HlsFixedRelu : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (x, y) = (node.Input(0), node.Output(0));
        node.RequireType(x, DataType.Float);
        var body = new HlsBody()
            .For("i", Math.Max(1, y.ElementCount), HlsLoopRole.PerOutput)
            .Line("y[i] = aidge_hls_relu_fixed(x[i]);")
            .End();
        yield return HlsLayer.Of("relu", body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }
}
