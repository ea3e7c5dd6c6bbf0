using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Normalization;

/// <summary>
/// Softmax and LogSoftmax. Before opset 13 the input is coerced to 2-D at <c>axis</c> (default 1) and
/// normalized over the flattened trailing block; from 13 on, over the single axis (default -1).
/// </summary>
public sealed class Softmax : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (var opType in new[] { "Softmax", "LogSoftmax" })
        {
            registry.Add(opType, 1).Until(12).Inputs(1).Outputs(1)
                .Attr("axis", AttributeKind.Int, 1L)
                .Infer(Infer);
            registry.Add(opType, 13).Inputs(1).Outputs(1)
                .Attr("axis", AttributeKind.Int, -1L)
                .Infer(Infer);
        }
    }

    private static void Infer(InferenceContext ctx)
    {
        if (ctx.InputShape(0) is { } shape)
        {
            ShapeMath.NormalizeAxis(ctx.GetInt("axis"), shape.Rank);
        }
        ctx.PropagateInput();
    }
}
