using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Convolution;
using Aidge.Export.OpenMp.Plan;

namespace Aidge.Export.OpenMp.Operators.Pooling;

/// <summary>
/// MaxPool, AveragePool and the global pools (float32, 1 to 3 spatial dims). ceil_mode needs nothing here: the output
/// dims, fixed by shape inference, already say how many windows there are.
/// </summary>
[OpenMpEmitter("MaxPool")]
[OpenMpEmitter("AveragePool")]
[OpenMpEmitter("GlobalMaxPool")]
[OpenMpEmitter("GlobalAveragePool")]
public sealed class Pool : IOpenMpEmitter
{
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
        long[] input = x.Dims.ToArray();
        bool global = op.StartsWith("Global", StringComparison.Ordinal);
        long[] kernel = global ? input[2..] : node.GetInts("kernel_shape")!;
        var window = SpatialWindow.Of(node, input, y.Dims.ToArray(), kernel);
        bool max = op.EndsWith("MaxPool", StringComparison.Ordinal);
        bool includePad = op == "AveragePool" && node.GetInt("count_include_pad") != 0;
        yield return new KernelCall(new RuntimeHelper("aidge_pool_f32"), new[]
        {
            NodeContext.Threads, x.Read, y.Write, CLiteral.Int(input[0] * input[1]),
        }.Concat(window.Arguments(withPadEnd: true)).Concat([max ? "0" : "1", includePad ? "1" : "0"]).ToEquatableArray());
    }
}
