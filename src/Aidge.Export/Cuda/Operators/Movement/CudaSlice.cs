using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Slice as a strided view of its input (<see cref="MovementViews.Slice"/>; bounds must be constants), one strided copy.</summary>
[CudaEmitter("Slice")]
public sealed class CudaSlice : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (from, strides) = MovementViews.Slice(node);
        yield return CudaViewCopy.Into(node, node.Input(0), from, strides, node.Output(0));
    }
}
