using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Sequence;

/// <summary>ConcatFromSequence (11): concatenates (new_axis=0) or stacks (new_axis=1) a sequence's tensors.</summary>
public sealed class ConcatFromSequenceOperator : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("ConcatFromSequence", 11).Inputs(1).Outputs(1)
            .RequiredAttr("axis", AttributeKind.Int)
            .Attr("new_axis", AttributeKind.Int, 0L)
            .Infer(Infer);

    /// <summary>The size along the axis depends on the sequence's length, which is a run-time fact.</summary>
    private static void Infer(InferenceContext ctx)
    {
        var element = SequenceOperators.ElementOf(ctx.InputType(0)) as TensorType;
        var type = element?.Element ?? ctx.InputElementType(0);
        if (element?.Shape is not { } shape)
        {
            ctx.SetOutput(0, type, null);
            return;
        }
        bool stack = ctx.GetInt("new_axis") == 1;
        var dims = shape.ToList();
        int axis = ShapeMath.NormalizeAxis(ctx.GetInt("axis"), stack ? shape.Rank + 1 : shape.Rank);
        if (stack)
        {
            dims.Insert(axis, Dim.Unknown);
        }
        else
        {
            dims[axis] = Dim.Unknown;
        }
        ctx.SetOutput(0, type, new Shape(dims));
    }
}
