using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Kernels.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Conv and FusedConv (float32, 1 to 3 spatial dims, groups, dilations, pads and auto_pad; the geometry is the shared
/// <see cref="SpatialWindow"/>): a direct convolution, one pipelined output pixel per iteration of the innermost output
/// loop, summing input channels × kernel taps; FusedConv applies its activation as it stores. Taps that fall in the
/// padding are skipped by a bounds test, written only along dims where the window can leave the input.
/// </summary>
[HlsEmitter("Conv")]
[HlsEmitter("FusedConv", Domain = AidgeDomain.Name)]
public sealed class HlsConv : INodeEmitter
{
    private static readonly string[] Spatial = ["d", "h", "w"];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var conv = ConvGeometry.Of(node);
        var (x, w, bias, y, window) = (conv.X, conv.W, conv.Bias, conv.Y, conv.Window);
        node.RequireType(x, DataType.Float);
        node.RequireType(w, DataType.Float);
        long batch = conv.Batch, channels = conv.InputChannels, outputs = conv.OutputChannels;
        long perGroupIn = conv.InputsPerGroup, perGroupOut = conv.OutputsPerGroup;
        var activation = HlsActivation.Of(node);

        var body = new HlsBody();
        body.For("n", batch, HlsLoopRole.Outer).For("co", outputs, HlsLoopRole.Outer);
        for (int d = 0; d < 2; d++)
        {
            body.For("o" + Spatial[d], window.Out[d], HlsLoopRole.Outer);
        }
        body.For("o" + Spatial[2], window.Out[2], HlsLoopRole.PerOutput);
        body.Line($"float acc = {(bias is null ? "0.0f" : "b[co]")};");
        body.For("ci", perGroupIn, HlsLoopRole.Reduction);
        for (int d = 0; d < 3; d++)
        {
            body.For("k" + Spatial[d], window.Kernel[d], HlsLoopRole.Reduction);
        }
        var checks = new List<string>();
        for (int d = 0; d < 3; d++)
        {
            string s = Spatial[d];
            body.Line($"const int i{s} = o{s} * {window.Stride[d]} - {window.PadBegin[d]} + k{s} * {window.Dilation[d]};");
            long last = (window.Out[d] - 1) * window.Stride[d] - window.PadBegin[d] + (window.Kernel[d] - 1) * window.Dilation[d];
            if (window.PadBegin[d] > 0)
            {
                checks.Add($"i{s} >= 0");
            }
            if (last >= window.In[d])
            {
                checks.Add($"i{s} < {window.In[d]}");
            }
        }
        string input = $"x[((n * {channels} + (co / {perGroupOut}) * {perGroupIn} + ci) * {window.In[0]} + id) * {window.In[1] * window.In[2]} + ih * {window.In[2]} + iw]";
        string tap = $"w[((co * {perGroupIn} + ci) * {window.Kernel[0]} + kd) * {window.Kernel[1] * window.Kernel[2]} + kh * {window.Kernel[2]} + kw]";
        if (checks.Count > 0)
        {
            body.Open($"if ({string.Join(" && ", checks)})").Line($"acc += {input} * {tap};").End();
        }
        else
        {
            body.Line($"acc += {input} * {tap};");
        }
        body.End().End().End().End();
        body.Line($"y[((n * {outputs} + co) * {window.Out[0]} + od) * {window.Out[1] * window.Out[2]} + oh * {window.Out[2]} + ow] = {HlsActivation.Apply(activation, "acc")};");
        body.End().End().End().End().End();

        var parameters = new List<HlsParameter> { HlsLayer.In("x", x), HlsLayer.In("w", w) };
        if (bias is not null)
        {
            parameters.Add(HlsLayer.In("b", bias));
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of(node.Node.OpType, body, [.. parameters]);
    }
}
