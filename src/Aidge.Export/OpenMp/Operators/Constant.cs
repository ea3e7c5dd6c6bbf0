using Aidge.Export.OpenMp.Plan;

namespace Aidge.Export.OpenMp.Operators;

/// <summary>A Constant's value is placed in the weights blob by the planner; the node itself runs no code.</summary>
[OpenMpEmitter("Constant")]
public sealed class Constant : IOpenMpEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node) =>
        ConstantValues.Of(node.Node.Output(0)!) is null
            ? throw node.Unsupported("only tensor-valued Constant nodes are supported (not strings or sparse tensors)")
            : [];
}
