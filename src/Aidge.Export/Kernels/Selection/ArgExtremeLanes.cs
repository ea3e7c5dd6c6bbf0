using Aidge.Core.Operators;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// ArgMax / ArgMin for every kernel-based target: the input seen as [outer, axis, inner] lanes, whether the largest
/// element is wanted, and whether ties go to the last index (select_last_index) rather than the first.
/// </summary>
public sealed record ArgExtremeLanes(long Outer, long Length, long Inner, bool Max, bool Last)
{
    public static ArgExtremeLanes Of(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Numeric);
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), input.Rank);
        var (outer, length, inner) = TensorLayout.AroundAxis(input.Dims, axis);
        if (length == 0)
        {
            throw node.Unsupported("the reduced axis is empty, so there is no index to return");
        }
        bool last = node.Schema?.Attributes.ContainsKey("select_last_index") == true && node.GetInt("select_last_index") != 0;
        return new ArgExtremeLanes(outer, length, inner, node.Node.OpType == "ArgMax", last);
    }
}
