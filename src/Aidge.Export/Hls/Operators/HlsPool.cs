using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.C;
using Aidge.Export.Kernels.Pooling;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// MaxPool, AveragePool, LpPool and the global pools (float32; max pools also uint8 and int8; 1 to 3 spatial dims, the shared <see cref="PoolGeometry"/>):
/// one pipelined output per iteration over its window. Padding never wins a max; an average divides by the taps inside
/// the input, or with count_include_pad by those inside the padded input (pad_end included, not ceil_mode's overhang);
/// an Lp norm sums |x|^p in double. In a fixed-point design (<see cref="HlsNumbers"/>) a max starts from data_min, and
/// an average sums in acc_t (exactly) and divides once in double, so its result rounds once into data_t.
/// </summary>
[HlsEmitter("MaxPool")]
[HlsEmitter("AveragePool")]
[HlsEmitter("GlobalMaxPool")]
[HlsEmitter("GlobalAveragePool")]
[HlsEmitter("LpPool")]
[HlsEmitter("GlobalLpPool")]
[HlsFixedEmitter("MaxPool")]
[HlsFixedEmitter("AveragePool")]
[HlsFixedEmitter("GlobalMaxPool")]
[HlsFixedEmitter("GlobalAveragePool")]
public sealed class HlsPool : INodeEmitter
{
    private static readonly string[] Spatial = ["d", "h", "w"];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var pool = PoolGeometry.Of(node);
        var (x, y, window) = (pool.X, pool.Y, pool.Window);
        bool max = pool.Mode == PoolMode.Max, lp = pool.Mode == PoolMode.Lp, includePad = pool.IncludePad;
        // A max of quantized values is a max of their integers (the scale is positive): uint8 and int8 max pools too.
        node.RequireType(x, max ? [DataType.Float, DataType.UInt8, DataType.Int8] : [DataType.Float]);
        var numbers = HlsNumbers.Of(node);
        string type = numbers.Element(x.Type);
        string lowest = x.Type switch { DataType.UInt8 => "0", DataType.Int8 => "-128", _ => numbers.Fixed ? HlsNumbers.DataMin : "-INFINITY" };
        long planes = pool.Planes;
        long inSize = window.In[0] * window.In[1] * window.In[2], outSize = window.Out[0] * window.Out[1] * window.Out[2];

        var body = new HlsBody().For("p", planes, HlsLoopRole.Outer);
        body.For("od", window.Out[0], HlsLoopRole.Outer).For("oh", window.Out[1], HlsLoopRole.Outer).For("ow", window.Out[2], HlsLoopRole.PerOutput);
        body.Line(max ? $"{type} acc = {lowest};" : $"{numbers.Accumulator} acc = {numbers.Zero};");
        if (lp)
        {
            body.Line("double norm = 0;");
        }
        else if (!max)
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
        body.Line($"const {type} v = x[p * {inSize} + (id * {window.In[1]} + ih) * {window.In[2]} + iw];");
        // A fixed value is never NaN: the test for one would be a comparison of no use to the hardware.
        string larger = numbers.Fixed ? "v > acc" : "v > acc || v != v";
        body.Line(max ? $"acc = {larger} ? v : acc;" : lp ? $"norm += pow(fabs((double)v), {CLiteral.Double(pool.P)});" : includePad ? "acc += v;" : "acc += v; count++;");
        body.End();
        body.End().End().End();
        string average = numbers.Fixed ? $"{type}(count > 0 ? acc.to_double() / count : 0.0)" : "count > 0 ? acc / (float)count : 0.0f";
        string result = max ? "acc" : lp ? $"(float)pow(norm, 1 / {CLiteral.Double(pool.P)})" : average;
        body.Line($"y[p * {outSize} + (od * {window.Out[1]} + oh) * {window.Out[2]} + ow] = {result};");
        body.End().End().End().End();
        yield return HlsLayer.Of(node.Node.OpType, body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }
}
