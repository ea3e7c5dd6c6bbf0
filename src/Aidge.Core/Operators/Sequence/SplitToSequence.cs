using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Sequence;

/// <summary>SplitToSequence (11; 24 only adds bfloat16): splits a tensor along an axis into a sequence.</summary>
public sealed class SplitToSequenceOperator : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("SplitToSequence", 11).Inputs(1, 2).Outputs(1)
            .Attr("axis", AttributeKind.Int, 0L)
            .Attr("keepdims", AttributeKind.Int, 1L)
            .Infer(Infer);

    /// <summary>
    /// Without a split input every piece has size 1 on the axis (removed when keepdims is 0); with one, the
    /// pieces' size on the axis is only known when every piece has the same constant size.
    /// </summary>
    private static void Infer(InferenceContext ctx)
    {
        var element = ctx.InputElementType(0);
        if (ctx.InputShape(0) is not { } shape)
        {
            ctx.SetOutput(0, new SequenceType(new TensorType(element, null)));
            return;
        }
        int axis = ShapeMath.NormalizeAxis(ctx.GetInt("axis"), shape.Rank);
        var dims = shape.ToList();
        if (!ctx.HasInput(1))
        {
            if (ctx.GetInt("keepdims") == 0)
            {
                dims.RemoveAt(axis);
            }
            else
            {
                dims[axis] = 1;
            }
        }
        else
        {
            dims[axis] = UniformPieceSize(ctx.ConstantInput(1), shape[axis]);
        }
        ctx.SetOutput(0, new SequenceType(new TensorType(element, new Shape(dims))));
    }

    private static Dim UniformPieceSize(Tensor? split, Dim total)
    {
        if (split is null || split.Length == 0)
        {
            return Dim.Unknown;
        }
        var sizes = split.ToInt64Array();
        if (split.Rank == 0)
        {
            return total.IsKnown && sizes[0] > 0 && total.Value!.Value % sizes[0] == 0 ? sizes[0] : Dim.Unknown;
        }
        return sizes.All(s => s == sizes[0]) ? sizes[0] : Dim.Unknown;
    }
}
