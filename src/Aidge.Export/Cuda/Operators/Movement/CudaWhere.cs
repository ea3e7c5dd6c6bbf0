using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Cuda.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary><c>out = condition ? x : y</c>, the three inputs broadcast to the output (Cuda/Runtime/aidge_cu_where.cu).</summary>
[CudaEmitter("Where")]
public sealed class CudaWhere : INodeEmitter
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_where");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var condition = node.Input(0);
        var x = node.Input(1);
        var y = node.Input(2);
        var output = node.Output(0);
        node.RequireType(condition, DataType.Bool);
        yield return new KernelCall(Helper, new[]
        {
            condition.Read, x.Read, y.Read, output.Write, CLiteral.Int(x.Type.SizeOf()), CLiteral.Int(output.ElementCount),
            CudaBroadcast.Literal(node, output, condition.Dims.ToArray(), x.Dims.ToArray(), y.Dims.ToArray()), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
