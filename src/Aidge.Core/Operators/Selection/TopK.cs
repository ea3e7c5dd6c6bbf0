using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Selection;

/// <summary>TopK: k as an attribute before opset 10, an input from 10; <c>largest</c> and <c>sorted</c> from 11.</summary>
public sealed class TopKFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("TopK", 1).Until(9).Inputs(1).Outputs(2)
            .Attr("axis", AttributeKind.Int, -1L)
            .RequiredAttr("k", AttributeKind.Int)
            .Infer(Infer);
        registry.Add("TopK", 10).Until(10).Inputs(2).Outputs(2).Attr("axis", AttributeKind.Int, -1L).Infer(Infer);
        registry.Add("TopK", 11).Inputs(2).Outputs(2)
            .Attr("axis", AttributeKind.Int, -1L)
            .Attr("largest", AttributeKind.Int, 1L)
            .Attr("sorted", AttributeKind.Int, 1L)
            .Infer(Infer);
    }

    private static void Infer(InferenceContext context)
    {
        Shape? output = null;
        if (context.InputShape(0) is { } input)
        {
            int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
            long? k = context.OpsetVersion < 10 ? context.GetInt("k") : context.ConstantInts(1)?.Single();
            output = input.With(axis, k is long known ? known : Dim.Unknown);
        }
        context.SetOutput(0, context.InputElementType(0), output);
        context.SetOutput(1, DataType.Int64, output);
    }
}
