using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Indexing;

/// <summary>Compress (slices where a bool condition holds, along an axis or over the flattened input) and NonZero.</summary>
public sealed class CompressFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Compress", 9).Inputs(2).Outputs(1).Attr("axis", AttributeKind.Int).Infer(context =>
        {
            var element = context.InputElementType(0);
            Dim kept = context.ConstantInput(1) is { } condition ? CountTrue(condition) : Dim.Unknown;
            var axis = context.Node.FindAttribute("axis")?.AsInt();
            if (axis is null)
            {
                context.SetOutput(0, element, new Shape(new[] { kept }));
            }
            else if (context.InputShape(0) is { } data)
            {
                context.SetOutput(0, element, data.With(ShapeMath.NormalizeAxis(axis.Value, data.Rank), kept));
            }
            else
            {
                context.SetOutput(0, element, null);
            }
        });
        registry.Add("NonZero", 9).Inputs(1).Outputs(1).Infer(context =>
            context.SetOutput(0, DataType.Int64, new Shape(new[] { context.InputShape(0) is { } s ? Dim.Of(s.Rank) : Dim.Unknown, Dim.Unknown })));
    }

    private static long CountTrue(Tensor condition)
    {
        var values = condition.Span<byte>();
        long count = 0;
        foreach (byte value in values)
        {
            count += value != 0 ? 1 : 0;
        }
        return count;
    }
}
