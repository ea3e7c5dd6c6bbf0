using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.OpenMp.Operators.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// MaxPool, AveragePool and the global pools (float32, 1 to 3 spatial dims, the shared <see cref="SpatialWindow"/>):
/// one pipelined output per iteration over its window. Padding never wins a max; an average divides by the taps inside
/// the input, or with count_include_pad by those inside the padded input (pad_end included, not ceil_mode's overhang).
/// ceil_mode needs nothing here: the output dims, fixed by shape inference, say how many windows there are.
/// </summary>
[HlsEmitter("MaxPool")]
[HlsEmitter("AveragePool")]
[HlsEmitter("GlobalMaxPool")]
[HlsEmitter("GlobalAveragePool")]
public sealed class HlsPool : INodeEmitter
{
    private static readonly string[] Spatial = ["d", "h", "w"];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        string op = node.Node.OpType;
        var x = node.Input(0);
        var y = node.Output(0);
        node.RequireType(x, DataType.Float);
        if (node.HasOutput(1))
        {
            throw node.Unsupported("the Indices output of MaxPool is not supported");
        }
        bool max = op.EndsWith("MaxPool", StringComparison.Ordinal);
        bool global = op.StartsWith("Global", StringComparison.Ordinal);
        long[] input = x.Dims.ToArray();
        long[] kernel = global ? input[2..] : node.GetInts("kernel_shape")!;
        var window = SpatialWindow.Of(node, input, y.Dims.ToArray(), kernel);
        bool includePad = op == "AveragePool" && node.GetInt("count_include_pad") != 0;
        long planes = input[0] * input[1];
        long inSize = window.In[0] * window.In[1] * window.In[2], outSize = window.Out[0] * window.Out[1] * window.Out[2];

        var body = new HlsBody().For("p", planes, HlsLoopRole.Outer);
        body.For("od", window.Out[0], HlsLoopRole.Outer).For("oh", window.Out[1], HlsLoopRole.Outer).For("ow", window.Out[2], HlsLoopRole.PerOutput);
        body.Line(max ? "float acc = -INFINITY;" : "float acc = 0.0f;");
        if (!max)
        {
            body.Line("int count = 0;");
        }
        for (int d = 0; d < 3; d++)
        {
            body.For("k" + Spatial[d], window.Kernel[d], HlsLoopRole.Reduction);
        }
        var inside = new List<string>();
        var padded = new List<string>();
        for (int d = 0; d < 3; d++)
        {
            string s = Spatial[d];
            body.Line($"const int i{s} = o{s} * {window.Stride[d]} + k{s} * {window.Dilation[d]} - {window.PadBegin[d]};");
            inside.Add($"i{s} >= 0 && i{s} < {window.In[d]}");
            padded.Add($"i{s} < {window.In[d] + window.PadEnd[d]}");
        }
        if (includePad)
        {
            body.Open($"if ({string.Join(" && ", padded)})").Line("count++;").End();
        }
        body.Open($"if ({string.Join(" && ", inside)})");
        body.Line($"const float v = x[p * {inSize} + (id * {window.In[1]} + ih) * {window.In[2]} + iw];");
        body.Line(max ? "acc = v > acc || v != v ? v : acc;" : includePad ? "acc += v;" : "acc += v; count++;");
        body.End();
        body.End().End().End();
        string result = max ? "acc" : "count > 0 ? acc / (float)count : 0.0f";
        body.Line($"y[p * {outSize} + (od * {window.Out[1]} + oh) * {window.Out[2]} + ow] = {result};");
        body.End().End().End().End();
        yield return HlsLayer.Of(op, body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }
}
