using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Generators;

/// <summary>
/// Constant: a tensor given by exactly one attribute (<c>value</c>; from opset 12 also <c>value_float(s)</c>,
/// <c>value_int(s)</c>, <c>value_string(s)</c>). Its output is recorded as known at compile time.
/// </summary>
public sealed class ConstantFamily : IOperatorFamily
{
    private static readonly string[] ValueAttributes =
        ["value", "sparse_value", "value_float", "value_floats", "value_int", "value_ints", "value_string", "value_strings"];

    public void Register(OperatorRegistry registry)
    {
        registry.Add("Constant", 1).Until(10).Inputs(0).Outputs(1).Attr("value", AttributeKind.Tensor).Infer(Infer);
        registry.Add("Constant", 11).Until(11).Inputs(0).Outputs(1)
            .Attr("value", AttributeKind.Tensor)
            .Attr("sparse_value", AttributeKind.SparseTensor)
            .Infer(Infer);
        registry.Add("Constant", 12).Inputs(0).Outputs(1)
            .Attr("value", AttributeKind.Tensor)
            .Attr("sparse_value", AttributeKind.SparseTensor)
            .Attr("value_float", AttributeKind.Float)
            .Attr("value_floats", AttributeKind.Floats)
            .Attr("value_int", AttributeKind.Int)
            .Attr("value_ints", AttributeKind.Ints)
            .Attr("value_string", AttributeKind.String)
            .Attr("value_strings", AttributeKind.Strings)
            .Infer(Infer);
    }

    /// <summary>The tensor a Constant node produces, from whichever of its value attributes it has.</summary>
    public static Tensor ValueOf(Node node)
    {
        var given = ValueAttributes.Select(node.FindAttribute).OfType<NodeAttribute>().ToList();
        if (given.Count != 1)
        {
            throw new ArgumentException($"Constant needs exactly one of {string.Join(", ", ValueAttributes)}; it has {given.Count}.");
        }
        var attribute = given[0];
        return attribute.Name switch
        {
            "value" => attribute.AsTensor(),
            // The importer expands sparse tensors to dense ones.
            "sparse_value" => (Tensor)attribute.Value,
            "value_float" => Tensor.Scalar(attribute.AsFloat()),
            "value_floats" => Tensor.FromArray(attribute.AsFloats(), attribute.AsFloats().Length),
            "value_int" => Tensor.Scalar(attribute.AsInt()),
            "value_ints" => Tensor.FromArray(attribute.AsInts(), attribute.AsInts().Length),
            "value_string" => Tensor.FromStrings([], [attribute.AsString()]),
            "value_strings" => Tensor.FromStrings([attribute.AsStrings().Length], attribute.AsStrings()),
            _ => throw new ArgumentException($"Constant attribute '{attribute.Name}' is unknown."),
        };
    }

    private static void Infer(InferenceContext context)
    {
        var value = ValueOf(context.Node);
        context.SetOutput(0, value.Type, value.Shape);
        context.SetConstantOutput(0, value);
    }
}
