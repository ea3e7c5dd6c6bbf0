using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators;

/// <summary>
/// Operators whose outputs depend only on static shapes and constant inputs: with every dim fixed at export they are
/// data known when compiling, which the planner places in the weights blob without asking for code. Listed here so
/// the coverage table shows them; the planner comes here only when an output could not be computed in advance.
/// </summary>
[OpenMpEmitter("Shape")]
[OpenMpEmitter("Size")]
[OpenMpEmitter("ConstantOfShape")]
[OpenMpEmitter("Range")]
public sealed class CompileTimeOnly : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node) =>
        throw node.Unsupported($"the OpenMP target computes {node.Node.OpType} when compiling, which needs its inputs known then "
            + "(initializers, Constants or shapes) and an output no larger than 1 MiB or than its inputs");
}
