using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Signal;

/// <summary>The <c>output_datatype</c> attribute of the generator operators (windows, MelWeightMatrix): a numeric TensorProto type.</summary>
public static class OutputDataType
{
    public const string Attribute = "output_datatype";

    public static DataType Of(long value)
    {
        var type = (DataType)value;
        return type.IsNumeric() && type.IsSupported()
            ? type
            : throw new ArgumentException($"output_datatype {value} is not a supported numeric element type.");
    }
}
