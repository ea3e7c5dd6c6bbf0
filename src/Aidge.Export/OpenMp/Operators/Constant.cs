using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators;

/// <summary>
/// A tensor Constant is data known when compiling, so the planner places it in the weights blob and never asks for
/// code. The planner comes here only for the Constants it cannot hold (strings, sparse tensors), to say why.
/// </summary>
[OpenMpEmitter("Constant")]
public sealed class Constant : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node) =>
        throw node.Unsupported("only tensor-valued Constant nodes of numeric or bool type are supported (not strings or sparse tensors)");
}
