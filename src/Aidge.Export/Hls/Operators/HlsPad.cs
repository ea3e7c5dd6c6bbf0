using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Pad in constant mode (any element type): the output filled with the value (the constant_value input, read from its
/// array when it is only known at run time, or the value attribute before opset 11), then the input (cropped where pads
/// are negative) copied into it at the shared <see cref="MovementViews.ConstantPad"/> view. Pads must be constants; the
/// reflect, edge and wrap modes are not supported.
/// </summary>
[HlsEmitter("Pad")]
public sealed class HlsPad : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        var (pads, mode) = MovementViews.Pads(node);
        if (mode != "constant")
        {
            throw node.Unsupported($"mode '{mode}' is not supported by the HLS target (constant only)");
        }
        var view = MovementViews.ConstantPad(x, y, pads);
        string type = HlsTypes.Of(y.Type);
        var parameters = new List<HlsParameter> { HlsLayer.In("x", x) };
        string value;
        if (node.OpsetVersion < 11)
        {
            value = $"({type}){CLiteral.Double(node.GetFloat("value"))}";
        }
        else if (node.OptionalInput(2) is { ElementCount: > 0 } constant)
        {
            parameters.Add(HlsLayer.In("value", constant));
            value = "value[0]";
        }
        else
        {
            value = $"({type})0";
        }
        parameters.Add(HlsLayer.Out("y", y));
        var body = new HlsBody();
        if (view.NeedsFill)
        {
            body.For("i", Math.Max(1, y.ElementCount), HlsLoopRole.PerOutput).Line($"y[i] = {value};").End();
        }
        if (view.Dims.All(d => d > 0))
        {
            HlsView.Copy(body, view.Dims, "x", view.From, view.SourceStrides, "y", view.To, view.TargetStrides);
        }
        yield return HlsLayer.Of("pad", body, [.. parameters]);
    }
}
