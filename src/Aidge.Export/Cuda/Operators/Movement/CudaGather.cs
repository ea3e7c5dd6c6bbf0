using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Gather along one axis with int32 or int64 indices, constant or computed at run time (Cuda/Runtime/aidge_cu_gather.cu).</summary>
[CudaEmitter("Gather")]
public sealed class CudaGather : INodeEmitter
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_gather");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var data = node.Input(0);
        var indices = node.Input(1);
        var output = node.Output(0);
        node.RequireType(indices, DataType.Int32, DataType.Int64);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), data.Rank);
        var (_, length, inner) = TensorLayout.AroundAxis(data.Dims, axis);
        yield return new KernelCall(Helper, new[]
        {
            data.Read, indices.Read, output.Write, CLiteral.Int(data.Type.SizeOf()), CLiteral.Int(length), CLiteral.Int(indices.ElementCount), CLiteral.Int(Math.Max(1, inner)),
            CLiteral.Int(output.ElementCount), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
