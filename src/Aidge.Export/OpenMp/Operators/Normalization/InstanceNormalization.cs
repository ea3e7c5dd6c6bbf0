using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>InstanceNormalization: the rows of <see cref="RowNormalization.Instance"/> standardized by <see cref="RowNormalizeHelper"/>.</summary>
[OpenMpEmitter("InstanceNormalization")]
public sealed class InstanceNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        yield return RowNormalizeHelper.Call(RowNormalization.Instance(node, ElementTypeSets.Float));
    }
}
