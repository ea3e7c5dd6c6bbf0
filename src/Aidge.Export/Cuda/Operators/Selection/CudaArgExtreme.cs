using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Selection;

/// <summary>ArgMax and ArgMin along one axis (<see cref="ArgExtremeLanes"/>), one thread per lane (Cuda/Runtime/aidge_cu_arg_extreme.cu).</summary>
[CudaEmitter("ArgMax")]
[CudaEmitter("ArgMin")]
public sealed class CudaArgExtreme : INodeEmitter
{
    private static readonly CudaRuntimeHelper Helper = new("aidge_cu_arg_extreme");

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var lanes = ArgExtremeLanes.Of(node);
        yield return new KernelCall(Helper, new[]
        {
            node.Input(0).Read, node.Output(0).Write, lanes.Max ? "1" : "0", CLiteral.Int(lanes.Length), CLiteral.Int(Math.Max(1, lanes.Inner)), lanes.Last ? "1" : "0",
            CLiteral.Int(lanes.Outer * lanes.Inner), CudaNode.Stream,
        }.ToEquatableArray());
    }
}
