using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>Transpose of any element type: output axis i reads source axis perm[i] (<see cref="MovementViews.Transpose"/>).</summary>
[OpenMpEmitter("Transpose")]
public sealed class Transpose : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        yield return StridedCopy.Call(node.Input(0), node.Output(0), MovementViews.Transpose(node), 0);
    }
}
