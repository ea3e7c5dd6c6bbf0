using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Selection;

/// <summary>ArgMax and ArgMin along an axis, keeping it as a dim of 1 or not; <c>select_last_index</c> from opset 12.</summary>
public sealed class ArgMaxFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        foreach (string op in new[] { "ArgMax", "ArgMin" })
        {
            registry.Add(op, 1).Until(11).Inputs(1).Outputs(1)
                .Attr("axis", AttributeKind.Int, 0L)
                .Attr("keepdims", AttributeKind.Int, 1L)
                .Infer(Infer);
            registry.Add(op, 12).Inputs(1).Outputs(1)
                .Attr("axis", AttributeKind.Int, 0L)
                .Attr("keepdims", AttributeKind.Int, 1L)
                .Attr("select_last_index", AttributeKind.Int, 0L)
                .Infer(Infer);
        }
    }

    private static void Infer(InferenceContext context)
    {
        Shape? output = null;
        if (context.InputShape(0) is { } input)
        {
            int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
            output = context.GetInt("keepdims") != 0 ? input.With(axis, 1) : new Shape(input.Where((_, i) => i != axis));
        }
        context.SetOutput(0, DataType.Int64, output);
    }
}
