using Aidge.Export.Plan;

namespace Aidge.Export.Cuda.Operators.Movement;

/// <summary>Split: each output a strided copy of its part of the input (<see cref="MovementViews.Split"/>).</summary>
[CudaEmitter("Split")]
public sealed class CudaSplit : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node) =>
        MovementViews.Split(node).Select(part => CudaViewCopy.Into(node, node.Input(0), part.From, part.Strides, part.Output));
}
