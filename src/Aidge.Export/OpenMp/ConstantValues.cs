using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Export.OpenMp;

/// <summary>
/// Data known when compiling: initializers and the outputs of Constant nodes. These live in the weights blob, and
/// emitters read them to plan (Reshape targets, Slice bounds, Pad amounts...).
/// </summary>
public static class ConstantValues
{
    public static Tensor? Of(Value value) => value.Initializer ?? (value.Producer is { OpType: "Constant", Domain: "" or "ai.onnx" } producer ? FromConstantNode(producer) : null);

    private static Tensor? FromConstantNode(Node node)
    {
        if (node.GetTensor("value") is { } tensor)
        {
            return tensor.Type == DataType.String ? null : tensor;
        }
        if (node.HasAttribute("value_float"))
        {
            return Tensor.Scalar(node.GetFloat("value_float", 0));
        }
        if (node.GetFloats("value_floats") is { } floats)
        {
            return Tensor.FromArray(floats, floats.Length);
        }
        if (node.HasAttribute("value_int"))
        {
            return Tensor.Scalar(node.GetInt("value_int", 0));
        }
        return node.GetInts("value_ints") is { } ints ? Tensor.FromArray(ints, ints.Length) : null;
    }
}
