using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Normalization;

/// <summary>
/// GroupNormalization: opset 18 takes scale and bias per group, opset 21 per channel (and adds stash_type).
/// </summary>
public sealed class GroupNormalization : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("GroupNormalization", 18).Until(20).Inputs(3).Outputs(1)
            .Attr("epsilon", AttributeKind.Float, 1e-5f)
            .RequiredAttr("num_groups", AttributeKind.Int)
            .Infer(ctx => ctx.PropagateInput());
        registry.Add("GroupNormalization", 21).Inputs(3).Outputs(1)
            .Attr("epsilon", AttributeKind.Float, 1e-5f)
            .RequiredAttr("num_groups", AttributeKind.Int)
            .Attr("stash_type", AttributeKind.Int, 1L)
            .Infer(ctx => ctx.PropagateInput());
    }
}
