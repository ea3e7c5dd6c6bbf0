using Aidge.Core.Operators.Aidge;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// LayerNormalization (and RMSNormalization, without centring or bias): the rows of <see cref="RowNormalization.Layer"/>
/// standardized by <see cref="RowNormalizeHelper"/>.
/// </summary>
[OpenMpEmitter("LayerNormalization")]
[OpenMpEmitter("LayerNormalization", Domain = AidgeDomain.Name)]
[OpenMpEmitter("RMSNormalization")]
public sealed class LayerNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        yield return RowNormalizeHelper.Call(RowNormalization.Layer(node, ElementTypeSets.Float));
    }
}
