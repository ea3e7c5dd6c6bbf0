using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Cast and CastLike between the numeric and bool types (C++ conversions: floats truncate toward zero into integers,
/// anything but 0 is true), one pipelined element per iteration. Half types are not held by the HLS layers.
/// </summary>
[HlsEmitter("Cast")]
[HlsEmitter("CastLike")]
public sealed class HlsCast : INodeEmitter
{
    private static readonly DataType[] Types = [.. ElementTypeSets.Numeric, DataType.Bool];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        node.RequireType(x, Types);
        node.RequireType(y, Types);
        string value = y.Type == DataType.Bool ? "in[i] != 0" : "in[i]";
        var body = new HlsBody()
            .For("i", Math.Max(1, x.ElementCount), HlsLoopRole.PerOutput)
            .Line($"y[i] = ({HlsTypes.Of(y.Type)})({value});")
            .End();
        yield return HlsLayer.Of("cast", body, HlsLayer.In("in", x), HlsLayer.Out("y", y));
    }
}
