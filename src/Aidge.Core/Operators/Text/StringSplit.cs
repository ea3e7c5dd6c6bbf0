using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Text;

/// <summary>
/// StringSplit (20): the substrings of each element padded along one new last dim, whose size (the most
/// substrings of any element) depends on the data, and the substring count of each element.
/// </summary>
public sealed class StringSplit : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("StringSplit", 20).Inputs(1).Outputs(2)
            .Attr("delimiter", AttributeKind.String, string.Empty)
            .Attr("maxsplit", AttributeKind.Int)
            .Infer(Infer);

    private static void Infer(InferenceContext context)
    {
        var shape = context.InputShape(0);
        context.SetOutput(0, DataType.String, shape is null ? null : new Shape(shape.Append(Dim.Unknown)));
        context.SetOutput(1, DataType.Int64, shape);
    }
}
