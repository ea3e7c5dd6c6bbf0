using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Movement;

/// <summary>Trilu: keeps the upper (or lower) triangle of the last two dims, offset by the diagonal k; zeros elsewhere.</summary>
public sealed class TriluFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Trilu", 14).Inputs(1, 2).Outputs(1)
            .Attr("upper", AttributeKind.Int, 1L)
            .Infer(context => context.PropagateInput());
}
