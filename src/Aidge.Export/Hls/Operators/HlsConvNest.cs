using Aidge.Export.Hls.Model;
using Aidge.Export.Kernels.Convolution;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// The loop nest of a direct convolution that the float and the quantized layers share: one pipelined output pixel per
/// iteration of the innermost output loop, summing input channels × kernel taps, taps in the padding skipped by a bounds
/// test written only along dims where the window can leave the input. The layers say how a sum starts, what each tap
/// adds (given the input and weight elements it reads) and how the sum is stored (given the output element).
/// </summary>
public static class HlsConvNest
{
    private static readonly string[] Spatial = ["d", "h", "w"];

    /// <param name="prelude">Lines before the loops (a quantized layer's ROM tables).</param>
    public static HlsBody Write(ConvGeometry conv, string start, Func<string, string, string> tap, Func<string, string> store, IEnumerable<string>? prelude = null)
    {
        var window = conv.Window;
        long channels = conv.InputChannels, outputs = conv.OutputChannels;
        long perGroupIn = conv.InputsPerGroup, perGroupOut = conv.OutputsPerGroup;
        var body = new HlsBody();
        foreach (string line in prelude ?? [])
        {
            body.Line(line);
        }
        body.For("n", conv.Batch, HlsLoopRole.Outer).For("co", outputs, HlsLoopRole.Outer);
        for (int d = 0; d < 2; d++)
        {
            body.For("o" + Spatial[d], window.Out[d], HlsLoopRole.Outer);
        }
        body.For("o" + Spatial[2], window.Out[2], HlsLoopRole.PerOutput);
        body.Line(start);
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
        string weight = $"w[((co * {perGroupIn} + ci) * {window.Kernel[0]} + kd) * {window.Kernel[1] * window.Kernel[2]} + kh * {window.Kernel[2]} + kw]";
        if (checks.Count > 0)
        {
            body.Open($"if ({string.Join(" && ", checks)})").Line(tap(input, weight)).End();
        }
        else
        {
            body.Line(tap(input, weight));
        }
        body.End().End().End().End();
        body.Line(store($"y[((n * {outputs} + co) * {window.Out[0]} + od) * {window.Out[1] * window.Out[2]} + oh * {window.Out[2]} + ow]"));
        body.End().End().End().End().End();
        return body;
    }

    /// <summary>The layer's arrays: x, w, the bias b when there is one, y.</summary>
    public static HlsParameter[] Parameters(ConvGeometry conv)
    {
        var parameters = new List<HlsParameter> { HlsLayer.In("x", conv.X), HlsLayer.In("w", conv.W) };
        if (conv.Bias is not null)
        {
            parameters.Add(HlsLayer.In("b", conv.Bias));
        }
        parameters.Add(HlsLayer.Out("y", conv.Y));
        return [.. parameters];
    }
}
