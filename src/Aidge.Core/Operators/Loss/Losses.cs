using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Loss;

/// <summary>
/// NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: per-element losses of the target's shape with
/// <c>reduction</c> "none", else a scalar. SoftmaxCrossEntropyLoss can also return the log-probabilities.
/// </summary>
public sealed class Losses : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("NegativeLogLikelihoodLoss", 12).Inputs(2, 3).Outputs(1)
            .Attr("reduction", AttributeKind.String, "mean")
            .Attr("ignore_index", AttributeKind.Int)
            .Infer(InferLoss);
        registry.Add("SoftmaxCrossEntropyLoss", 12).Inputs(2, 3).Outputs(1, 2)
            .Attr("reduction", AttributeKind.String, "mean")
            .Attr("ignore_index", AttributeKind.Int)
            .Infer(ctx =>
            {
                InferLoss(ctx);
                ctx.PropagateInput(0, 1);
            });
    }

    private static void InferLoss(InferenceContext ctx)
    {
        string reduction = ctx.GetString("reduction");
        if (reduction is not ("none" or "sum" or "mean"))
        {
            throw ctx.Fail($"reduction must be none, sum or mean, not '{reduction}'.");
        }
        ctx.SetOutput(0, ctx.InputElementType(0), reduction == "none" ? ctx.InputShape(1) : Shape.Scalar);
    }
}
