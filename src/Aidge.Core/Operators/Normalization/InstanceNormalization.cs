using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Normalization;

/// <summary>InstanceNormalization: each (n, c) slice normalized by its own mean and variance, then scaled and shifted per channel.</summary>
public sealed class InstanceNormalizationFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("InstanceNormalization", 1).Inputs(3)
            .Attr("epsilon", AttributeKind.Float, 1e-5f)
            .Infer(ctx => ctx.PropagateInput());
}
