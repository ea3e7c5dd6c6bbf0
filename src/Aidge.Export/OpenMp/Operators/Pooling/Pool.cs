using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Convolution;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Pooling;

/// <summary>
/// MaxPool, AveragePool, LpPool and the global pools (float32, 1 to 3 spatial dims; the max pools also uint8 and
/// int8, the integer domain of quantized models). ceil_mode needs nothing here: the output
/// dims, fixed by shape inference, already say how many windows there are.
/// </summary>
[OpenMpEmitter("MaxPool")]
[OpenMpEmitter("AveragePool")]
[OpenMpEmitter("GlobalMaxPool")]
[OpenMpEmitter("GlobalAveragePool")]
[OpenMpEmitter("LpPool")]
[OpenMpEmitter("GlobalLpPool")]
public sealed class Pool : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        string op = node.Node.OpType;
        var x = node.Input(0);
        var y = node.Output(0);
        bool max = op.EndsWith("MaxPool", StringComparison.Ordinal);
        node.RequireType(x, max ? [DataType.Float, .. IntegerMaxPoolHelper.Types] : [DataType.Float]);
        if (node.HasOutput(1))
        {
            throw node.Unsupported("the Indices output of MaxPool is not supported");
        }
        long[] input = x.Dims.ToArray();
        bool global = op.StartsWith("Global", StringComparison.Ordinal);
        long[] kernel = global ? input[2..] : node.GetInts("kernel_shape")!;
        var window = SpatialWindow.Of(node, input, y.Dims.ToArray(), kernel);
        if (x.Type != DataType.Float)
        {
            yield return new KernelCall(new IntegerMaxPoolHelper(x.Type), new[]
            {
                NodeContext.Threads, x.Read, y.Write, CLiteral.Int(input[0] * input[1]),
            }.Concat(window.Arguments(withPadEnd: false)).ToEquatableArray());
            yield break;
        }
        int mode = max ? 0 : op.EndsWith("LpPool", StringComparison.Ordinal) ? 2 : 1;
        bool includePad = op == "AveragePool" && node.GetInt("count_include_pad") != 0;
        yield return new KernelCall(new RuntimeHelper("aidge_pool_f32"), new[]
        {
            NodeContext.Threads, x.Read, y.Write, CLiteral.Int(input[0] * input[1]),
        }.Concat(window.Arguments(withPadEnd: true)).Concat([mode.ToString(System.Globalization.CultureInfo.InvariantCulture), includePad ? "1" : "0", CLiteral.Double(Exponent(node))]).ToEquatableArray());
    }

    /// <summary>LpPool's p: a float attribute at opset 1, an int from opset 2, 2 by default (unused by the other pools).</summary>
    private static double Exponent(NodeContext node) => node.Node.FindAttribute("p") switch
    {
        { Kind: AttributeKind.Float } attribute => attribute.AsFloat(),
        { } attribute => attribute.AsInt(),
        null => 2,
    };
}
