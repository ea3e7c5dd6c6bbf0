using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Selection;

/// <summary>
/// Hardmax: 1 at the first maximum, 0 elsewhere. Before opset 13 over the input flattened to 2-D at axis
/// (default 1); from 13 along one axis (default -1).
/// </summary>
public sealed class HardmaxFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Hardmax", 1).Until(12).Inputs(1).Outputs(1).Attr("axis", AttributeKind.Int, 1L).Infer(context => context.PropagateInput());
        registry.Add("Hardmax", 13).Inputs(1).Outputs(1).Attr("axis", AttributeKind.Int, -1L).Infer(context => context.PropagateInput());
    }
}
