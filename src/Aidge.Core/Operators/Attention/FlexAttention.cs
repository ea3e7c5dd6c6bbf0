using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators.ControlFlow;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Attention;

/// <summary>
/// FlexAttention (ai.onnx.preview, experimental): scaled dot-product attention over 4-D Q, K, V whose scores and
/// probabilities may be rewritten by the score_mod and prob_mod subgraphs, each (B, Hq, L, S) -> (B, Hq, L, S)
/// in the softmax precision.
/// </summary>
public sealed class FlexAttention : IOperatorFamily
{
    public const string Domain = "ai.onnx.preview";

    public void Register(OperatorRegistry registry)
    {
        registry.Add("FlexAttention", 1, Domain).Inputs(3).Outputs(1)
            .Attr("prob_mod", AttributeKind.Graph)
            .Attr("scale", AttributeKind.Float)
            .Attr("score_mod", AttributeKind.Graph)
            .Attr("softmax_precision", AttributeKind.Int)
            .Infer(Infer);
    }

    /// <summary>Softmax runs in double for double inputs and in float otherwise.</summary>
    public static DataType SoftmaxPrecision(DataType input) => input == DataType.Double ? DataType.Double : DataType.Float;

    private static void Infer(InferenceContext ctx)
    {
        var element = ctx.InputElementType(0);
        var precision = SoftmaxPrecision(element);
        if (ctx.Node.FindAttribute("softmax_precision") is { } requested && requested.AsInt() != (long)precision)
        {
            throw new AidgeException(DiagnosticCodes.UnsupportedOperator,
                $"FlexAttention with softmax_precision={requested.AsInt()} is not supported; {element.OnnxName()} inputs run softmax in {precision.OnnxName()}.",
                null, ctx.Node.DisplayName);
        }
        var q = ctx.InputShape(0);
        var k = ctx.InputShape(1);
        var v = ctx.InputShape(2);
        foreach (var (shape, name) in new[] { (q, "Q"), (k, "K"), (v, "V") })
        {
            if (shape is not null && shape.Rank != 4)
            {
                throw ctx.Fail($"{name} must be 4-D (batch, heads, sequence, head size), got rank {shape.Rank}.");
            }
        }
        var scores = new Shape([Known(q, 0, k, 0), q?[1] ?? Dim.Unknown, q?[2] ?? Dim.Unknown, Known(k, 2, v, 2)]);
        foreach (var name in new[] { "score_mod", "prob_mod" })
        {
            if (ctx.Node.GetGraph(name) is not { } modifier)
            {
                continue;
            }
            if (modifier.Inputs.Count != 1 || modifier.Outputs.Count != 1)
            {
                throw ctx.Fail($"{name} must take one tensor and return one, not {modifier.Inputs.Count} and {modifier.Outputs.Count}.");
            }
            SubgraphTypes.TypeInput(modifier.Inputs[0], new TensorType(precision, scores));
            ctx.InferSubgraph(modifier);
        }
        ctx.SetOutput(0, element, new Shape([scores[0], scores[1], scores[2], v?[3] ?? Dim.Unknown]));
    }

    private static Dim Known(Shape? first, int firstAxis, Shape? second, int secondAxis) =>
        first is not null && first[firstAxis].IsKnown ? first[firstAxis] : second?[secondAxis] ?? Dim.Unknown;
}
