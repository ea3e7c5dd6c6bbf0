using Aidge.Core.Tensors;

namespace Aidge.Export.C;

/// <summary>The element type names of the manifest and the generated headers: ONNX's, lower case, with explicit widths (float32, int64, bool).</summary>
public static class ElementTypeNames
{
    public static string Of(DataType type) => type switch
    {
        DataType.Float => "float32",
        DataType.Double => "float64",
        _ => type.OnnxName(),
    };
}
