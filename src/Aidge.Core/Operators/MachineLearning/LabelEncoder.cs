using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.MachineLearning;

/// <summary>
/// LabelEncoder (ai.onnx.ml 2 and 4): maps each element through parallel keys_* / values_* lists, with the
/// default_* of the values' type for elements that are not keys. Opset 4 adds the keys/values/default as tensors,
/// which also allows int16 and int32. The output has X's shape and the values' element type.
/// </summary>
public sealed class LabelEncoder : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        WithListAttributes(registry.Add("LabelEncoder", 2, MachineLearningDomain.Name)).Until(3);
        WithListAttributes(registry.Add("LabelEncoder", 4, MachineLearningDomain.Name))
            .Attr("default_tensor", AttributeKind.Tensor)
            .Attr("keys_tensor", AttributeKind.Tensor)
            .Attr("values_tensor", AttributeKind.Tensor);
    }

    private static OpSchema WithListAttributes(OpSchema schema) =>
        schema.Inputs(1).Outputs(1)
            .Attr("default_float", AttributeKind.Float, -0f)
            .Attr("default_int64", AttributeKind.Int, -1L)
            .Attr("default_string", AttributeKind.String, "_Unused")
            .Attr("keys_floats", AttributeKind.Floats)
            .Attr("keys_int64s", AttributeKind.Ints)
            .Attr("keys_strings", AttributeKind.Strings)
            .Attr("values_floats", AttributeKind.Floats)
            .Attr("values_int64s", AttributeKind.Ints)
            .Attr("values_strings", AttributeKind.Strings)
            .Infer(Infer);

    private static void Infer(InferenceContext context)
    {
        var keys = KeysType(context.Node);
        if (keys is null)
        {
            throw context.Fail("one of the keys_* attributes must be set.");
        }
        var input = context.InputElementType(0);
        if (input != DataType.Undefined && input != keys)
        {
            throw context.Fail($"X is {input.OnnxName()} but the keys are {keys.Value.OnnxName()}.");
        }
        var values = ValuesType(context.Node) ?? throw context.Fail("one of the values_* attributes must be set.");
        context.SetOutput(0, values, context.InputShape(0));
    }

    /// <summary>The element type of the keys attribute that is set, or null when none is.</summary>
    public static DataType? KeysType(Node node) => TypeOfSetAttribute(node, "keys");

    /// <summary>The element type of the values attribute that is set, or null when none is.</summary>
    public static DataType? ValuesType(Node node) => TypeOfSetAttribute(node, "values");

    private static DataType? TypeOfSetAttribute(Node node, string prefix) =>
        node.GetTensor(prefix + "_tensor")?.Type
        ?? (node.HasAttribute(prefix + "_strings") ? DataType.String
            : node.HasAttribute(prefix + "_int64s") ? DataType.Int64
            : node.HasAttribute(prefix + "_floats") ? DataType.Float
            : null);
}
