using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>Split: each output a strided view of the input (<see cref="MovementViews.Split"/>).</summary>
[OpenMpEmitter("Split")]
public sealed class Split : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node) =>
        MovementViews.Split(node).Select(part => ViewCopy.Into(node.Input(0), part.From, part.Strides, part.Output, part.Output.Dims.ToArray()));
}
