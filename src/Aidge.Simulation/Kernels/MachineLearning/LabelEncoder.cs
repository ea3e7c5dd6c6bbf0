using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.MachineLearning;

/// <summary>
/// LabelEncoder: looks each element up among the keys (the last of repeated keys wins; NaN keys match any NaN)
/// and takes the value at the same position, or the default. The values and the default form one table whose
/// last entry is the default, so the output is a plain gather from it.
/// </summary>
[Kernel("LabelEncoder", Domain = "ai.onnx.ml", SinceVersion = 2, WidenHalfPrecision = false)]
public sealed class LabelEncoderKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var node = context.Node;
        var input = context.Input(0);
        var keys = Attribute(node, "keys") ?? throw new ArgumentException("LabelEncoder needs one of the keys_* attributes.");
        var values = Attribute(node, "values") ?? throw new ArgumentException("LabelEncoder needs one of the values_* attributes.");
        if (keys.Length != values.Length)
        {
            throw new ArgumentException($"LabelEncoder has {keys.Length} keys but {values.Length} values.");
        }
        if (input.Type != keys.Type)
        {
            throw new ArgumentException($"LabelEncoder input is {input.Type.OnnxName()} but its keys are {keys.Type.OnnxName()}.");
        }
        var table = ElementPicker.Concatenate(values, DefaultValue(context, values.Type));
        var picks = KeyLookup.Positions(keys, input, missing: values.Length);
        context.SetOutput(0, ElementPicker.Pick(table, picks, (long[])input.Dims.Clone()));
    }

    /// <summary>The keys_* or values_* attribute that is set, as a 1-D tensor.</summary>
    private static Tensor? Attribute(Node node, string prefix)
    {
        if (node.GetTensor(prefix + "_tensor") is { } tensor)
        {
            return tensor;
        }
        if (node.GetStrings(prefix + "_strings") is { } strings)
        {
            return Tensor.FromStrings([strings.Length], strings);
        }
        if (node.GetInts(prefix + "_int64s") is { } ints)
        {
            return Tensor.FromArray(ints, ints.Length);
        }
        return node.GetFloats(prefix + "_floats") is { } floats ? Tensor.FromArray(floats, floats.Length) : null;
    }

    /// <summary>default_tensor when given, else the default_* attribute (or spec default) of the values' type.</summary>
    private static Tensor DefaultValue(KernelContext context, DataType type)
    {
        if (context.Node.GetTensor("default_tensor") is { } given)
        {
            if (given.Length != 1 || given.Type != type)
            {
                throw new ArgumentException($"LabelEncoder default_tensor must be one {type.OnnxName()}, not {given}.");
            }
            return given.Reshape(1);
        }
        return type switch
        {
            DataType.String => Tensor.FromStrings([1], [context.GetString("default_string")]),
            DataType.Float => Tensor.FromArray([context.GetFloat("default_float")], 1),
            DataType.Int64 => Tensor.FromArray([context.GetInt("default_int64")], 1),
            DataType.Int32 => Tensor.FromArray([-1], 1),
            DataType.Int16 => Tensor.FromSpan<short>(DataType.Int16, [1], [-1]),
            DataType.Double => Tensor.FromSpan<double>(DataType.Double, [1], [-0.0]),
            _ => throw new NotSupportedException($"LabelEncoder values of type {type.OnnxName()} are not supported."),
        };
    }
}
