using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Selection;

/// <summary>Unique elements (or slices along an axis), with first-occurrence indices, inverse indices and counts.</summary>
public sealed class UniqueFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Unique", 11).Inputs(1).Outputs(1, 4)
            .Attr("axis", AttributeKind.Int)
            .Attr("sorted", AttributeKind.Int, 1L)
            .Infer(context =>
            {
                var axis = context.Node.FindAttribute("axis")?.AsInt();
                Shape? unique = null;
                if (axis is null)
                {
                    unique = Shape.OfRank(1);
                }
                else if (context.InputShape(0) is { } input)
                {
                    unique = input.With(ShapeMath.NormalizeAxis(axis.Value, input.Rank), Dim.Unknown);
                }
                context.SetOutput(0, context.InputElementType(0), unique);
                var inverse = axis is null && context.InputShape(0)?.ElementCount is long count ? new Shape(count)
                    : axis is long a && context.InputShape(0) is { } known ? new Shape(new[] { known[ShapeMath.NormalizeAxis(a, known.Rank)] })
                    : Shape.OfRank(1);
                context.SetOutput(1, DataType.Int64, Shape.OfRank(1));
                context.SetOutput(2, DataType.Int64, inverse);
                context.SetOutput(3, DataType.Int64, Shape.OfRank(1));
            });
}
