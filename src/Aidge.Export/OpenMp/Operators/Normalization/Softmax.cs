using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// Softmax and LogSoftmax (float32). Before opset 13 the input is coerced to 2-D at the axis (the normalization runs
/// over all trailing dims); from 13 on it runs along the one axis.
/// </summary>
[OpenMpEmitter("Softmax")]
[OpenMpEmitter("LogSoftmax")]
public sealed class Softmax : IOpenMpEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, DataType.Float);
        long[] dims = x.Dims.ToArray();
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), dims.Length);
        long outer = dims[..axis].Aggregate(1L, (p, d) => p * d);
        bool coerced = node.OpsetVersion < 13;
        long length = coerced ? dims[axis..].Aggregate(1L, (p, d) => p * d) : dims[axis];
        long inner = coerced ? 1 : dims[(axis + 1)..].Aggregate(1L, (p, d) => p * d);
        yield return new KernelCall(new RuntimeHelper("aidge_softmax_f32"), new[]
        {
            NodeContext.Threads, x.Read, node.Output(0).Write, CLiteral.Int(outer), CLiteral.Int(length), CLiteral.Int(inner),
            node.Node.OpType == "LogSoftmax" ? "1" : "0",
        }.ToEquatableArray());
    }
}
