using Aidge.Core.Operators;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Selection;

/// <summary>
/// Hardmax: 1 at the first maximum of each lane, 0 elsewhere. Before opset 13 a lane is a row of the input flattened
/// to 2-D at the axis, from 13 on it runs along the axis.
/// </summary>
[OpenMpEmitter("Hardmax")]
public sealed class Hardmax : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.Numeric);
        if (input.ElementCount == 0)
        {
            yield break;
        }
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), input.Rank);
        var (outer, length, inner) = TensorLayout.Lanes(input.Dims, axis, coercedTo2D: node.OpsetVersion < 13);
        yield return new KernelCall(new ArgExtremeHelper("hardmax", ">", input.Type, OneHot: true), new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write, CLiteral.Int(outer), CLiteral.Int(length), CLiteral.Int(inner), "0",
        }.ToEquatableArray());
    }
}
