using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// Softmax and LogSoftmax (float32). Before opset 13 the input is coerced to 2-D at the axis (the normalization runs
/// over all trailing dims); from 13 on it runs along the one axis.
/// </summary>
[OpenMpEmitter("Softmax")]
[OpenMpEmitter("LogSoftmax")]
public sealed class Softmax : INodeEmitter, IInPlaceEmitter
{
    /// <summary>
    /// aidge_softmax_f32 reads each x of a lane before it writes that y, then rescales y; LogSoftmax reads x again
    /// after y holds the exponentials, so it needs its own output buffer.
    /// </summary>
    public bool MayWriteOver(Node node, int output, int input) => node.OpType == "Softmax" && output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, DataType.Float);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), x.Rank);
        var (outer, length, inner) = TensorLayout.Lanes(x.Dims, axis, coercedTo2D: node.OpsetVersion < 13);
        yield return new KernelCall(new RuntimeHelper("aidge_softmax_f32"), new[]
        {
            NodeContext.Threads, x.Read, node.Output(0).Write, CLiteral.Int(outer), CLiteral.Int(length), CLiteral.Int(inner),
            node.Node.OpType == "LogSoftmax" ? "1" : "0",
        }.ToEquatableArray());
    }
}
