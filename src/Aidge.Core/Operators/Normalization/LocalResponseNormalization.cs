using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Normalization;

/// <summary>LRN: each value divided by (bias + alpha/size · sum of squares over neighbouring channels)^beta.</summary>
public sealed class LocalResponseNormalizationFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("LRN", 1).Inputs(1)
            .Attr("alpha", AttributeKind.Float, 1e-4f)
            .Attr("beta", AttributeKind.Float, 0.75f)
            .Attr("bias", AttributeKind.Float, 1f)
            .RequiredAttr("size", AttributeKind.Int)
            .Infer(ctx => ctx.PropagateInput());
}
