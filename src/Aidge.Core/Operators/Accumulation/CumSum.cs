using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Accumulation;

/// <summary>CumSum (opset 11) and CumProd (opset 26): running sums or products along an axis given as an input.</summary>
public sealed class CumSumFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (var (op, since) in new[] { ("CumSum", 11), ("CumProd", 26) })
        {
            registry.Add(op, since).Inputs(2).Outputs(1)
                .Attr("exclusive", AttributeKind.Int, 0L)
                .Attr("reverse", AttributeKind.Int, 0L)
                .Infer(context => context.PropagateInput());
        }
    }
}
