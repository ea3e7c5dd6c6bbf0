using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.OpenMp.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Add, Sub, Mul and Div (float32) with NumPy broadcasting: one loop per output dim, the last pipelined, each input
/// read through its broadcast strides (the shared <see cref="BroadcastStrides"/>: 0 along the dims it repeats).
/// </summary>
[HlsEmitter("Add")]
[HlsEmitter("Sub")]
[HlsEmitter("Mul")]
[HlsEmitter("Div")]
public sealed class HlsBinary : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var a = node.Input(0);
        var b = node.Input(1);
        var y = node.Output(0);
        node.RequireType(a, DataType.Float);
        node.RequireType(b, DataType.Float);
        string op = node.Node.OpType switch
        {
            "Add" => "+",
            "Sub" => "-",
            "Mul" => "*",
            _ => "/",
        };
        var body = new HlsBody();
        var (index, loops) = BroadcastLoops(body, y.Dims.ToArray(), a.Dims.ToArray(), b.Dims.ToArray());
        body.Line($"y[{index[0]}] = a[{index[1]}] {op} b[{index[2]}];");
        for (int i = 0; i < loops; i++)
        {
            body.End();
        }
        yield return HlsLayer.Of(node.Node.OpType, body, HlsLayer.In("a", a), HlsLayer.In("b", b), HlsLayer.Out("y", y));
    }

    /// <summary>
    /// Opens one loop per output dim (the last one per output element) and returns the flat index expressions of the
    /// output and of each input read through its broadcast strides; the caller writes the statement and closes the loops.
    /// </summary>
    public static (string[] Index, int Loops) BroadcastLoops(HlsBody body, long[] output, params long[][] inputs)
    {
        var outputStrides = TensorLayout.Strides(output);
        var inputStrides = inputs.Select(d => BroadcastStrides.Of(d, output)).ToArray();
        var index = Enumerable.Repeat("0", inputs.Length + 1).ToArray();
        for (int d = 0; d < output.Length; d++)
        {
            body.For($"i{d}", output[d], d == output.Length - 1 ? HlsLoopRole.PerOutput : HlsLoopRole.Outer);
            index[0] = Term(index[0], d, outputStrides[d]);
            for (int i = 0; i < inputs.Length; i++)
            {
                index[i + 1] = Term(index[i + 1], d, inputStrides[i][d]);
            }
        }
        if (output.Length == 0)
        {
            // A scalar: one iteration, so every layer has a loop to pipeline.
            body.For("i", 1, HlsLoopRole.PerOutput);
        }
        return (index, Math.Max(1, output.Length));
    }

    private static string Term(string sum, int dim, long stride) => stride == 0 ? sum : sum == "0" ? $"i{dim} * {stride}" : $"{sum} + i{dim} * {stride}";
}
