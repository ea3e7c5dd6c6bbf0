using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Normalization;

/// <summary>LpNormalization (along one axis) and MeanVarianceNormalization (over a set of axes): same shape out.</summary>
public sealed class StatisticNormalizations : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("LpNormalization", 1).Inputs(1).Outputs(1)
            .Attr("axis", AttributeKind.Int, -1L)
            .Attr("p", AttributeKind.Int, 2L)
            .Infer(ctx => ctx.PropagateInput());
        registry.Add("MeanVarianceNormalization", 9).Inputs(1).Outputs(1)
            .Attr("axes", AttributeKind.Ints, new long[] { 0, 2, 3 })
            .Infer(ctx => ctx.PropagateInput());
    }
}
