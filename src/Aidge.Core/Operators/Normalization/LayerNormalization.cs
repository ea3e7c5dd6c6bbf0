using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Normalization;

/// <summary>
/// LayerNormalization (opset 17) and RMSNormalization (opset 23): statistics over the trailing axes from
/// <c>axis</c> on, computed in the <c>stash_type</c> precision.
/// </summary>
public sealed class LayerNormalization : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("LayerNormalization", 17).Inputs(2, 3).Outputs(1, 3)
            .Attr("axis", AttributeKind.Int, -1L)
            .Attr("epsilon", AttributeKind.Float, 1e-5f)
            .Attr("stash_type", AttributeKind.Int, 1L)
            .Infer(Infer);
        registry.Add("RMSNormalization", 23).Inputs(2).Outputs(1)
            .Attr("axis", AttributeKind.Int, -1L)
            .Attr("epsilon", AttributeKind.Float, 1e-5f)
            .Attr("stash_type", AttributeKind.Int, 1L)
            .Infer(ctx => ctx.SetOutput(0, ctx.InputElementType(1), ctx.InputShape(0)));
    }

    /// <summary>
    /// Y has X's type and shape; Mean and InvStdDev (when the node has them) keep the leading dims and collapse the
    /// normalized ones to 1. Public so that ai.aidge's LayerNormalization, which has these semantics, infers the same way.
    /// </summary>
    public static void Infer(InferenceContext ctx)
    {
        ctx.PropagateInput();
        var shape = ctx.InputShape(0);
        Shape? statistics = null;
        if (shape is not null)
        {
            int axis = ShapeMath.NormalizeAxis(ctx.GetInt("axis"), shape.Rank);
            statistics = new Shape(shape.Select((d, i) => i < axis ? d : Dim.Of(1)));
        }
        var stash = (DataType)ctx.GetInt("stash_type");
        ctx.SetOutput(1, stash, statistics);
        ctx.SetOutput(2, stash, statistics);
    }
}
