using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Normalization;

/// <summary>
/// GroupNormalization over [N, C, D...]: each row is one (instance, group) block of C/G channels; scale and bias are
/// per channel from opset 21 (a column group of one channel's spatial elements), per group before it.
/// </summary>
[OpenMpEmitter("GroupNormalization")]
public sealed class GroupNormalization : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Float);
        long groups = node.GetInt("num_groups");
        long channels = input.Rank >= 2 ? input.Dims[1] : 0;
        if (groups <= 0 || channels % groups != 0)
        {
            throw node.Unsupported($"num_groups {groups} must divide the {channels} channels");
        }
        long spatial = TensorLayout.Product(input.Dims, 2, input.Rank);
        long perGroup = channels / groups;
        long rows = input.Dims[0] * groups;
        bool perChannel = node.OpsetVersion >= 21;
        yield return new RowNormalizeHelper(input.Type).Call(input, node.Output(0), rows, perGroup * spatial, node.Input(1), perChannel ? 1 : 0, node.Input(2), perChannel ? 1 : 0,
            period: groups, rowStep: perChannel ? perGroup : 1, node.GetFloat("epsilon"), null, null, columnGroup: spatial);
    }
}
