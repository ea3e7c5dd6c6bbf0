using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Transpose of any element type: output axis i reads input axis perm[i] (<see cref="MovementViews.Transpose"/>), one strided copy.</summary>
[CudaEmitter("Transpose")]
public sealed class CudaTranspose : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        yield return CudaViewCopy.Into(node, node.Input(0), 0, MovementViews.Transpose(node), node.Output(0));
    }
}
