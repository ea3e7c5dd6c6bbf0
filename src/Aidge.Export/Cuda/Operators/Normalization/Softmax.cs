using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Normalization;

/// <summary>
/// Softmax and LogSoftmax (float32) along one axis, or before opset 13 over all dims from the axis on (the input
/// coerced to 2-D there), on aidge_cu_softmax: a thread per lane for short axes, a block per lane for long ones.
/// </summary>
[CudaEmitter("Softmax")]
[CudaEmitter("LogSoftmax")]
public sealed class Softmax : INodeEmitter, IInPlaceEmitter
{
    private static readonly CHelper Helper = new CudaRuntimeHelper("aidge_cu_softmax");

    /// <summary>Each thread reads an element of its lane for the last time just before it writes that element's result.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        node.RequireType(x, DataType.Float);
        CudaLimits.RequireInt32(node, x);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), x.Rank);
        var (outer, length, inner) = TensorLayout.Lanes(x.Dims, axis, coercedTo2D: node.OpsetVersion < 13);
        yield return new KernelCall(Helper, new[]
        {
            x.Read, node.Output(0).Write, CLiteral.Int(outer), CLiteral.Int(length), CLiteral.Int(inner),
            node.Node.OpType == "LogSoftmax" ? "1" : "0", CudaNode.Stream,
        }.ToEquatableArray());
    }
}
