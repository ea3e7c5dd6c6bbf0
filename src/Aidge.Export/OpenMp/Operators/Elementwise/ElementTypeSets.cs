using Aidge.Core.Tensors;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>The element type sets emitters accept.</summary>
public static class ElementTypeSets
{
    public static readonly DataType[] Float = [DataType.Float, DataType.Double];

    public static readonly DataType[] SignedInteger = [DataType.Int8, DataType.Int16, DataType.Int32, DataType.Int64];

    public static readonly DataType[] Integer = [.. SignedInteger, DataType.UInt8, DataType.UInt16, DataType.UInt32, DataType.UInt64];

    public static readonly DataType[] Numeric = [.. Float, .. Integer];

    public static readonly DataType[] Signed = [.. Float, .. SignedInteger];

    /// <summary>The C math function for the element type: <c>expf</c> for float, <c>exp</c> for double.</summary>
    public static string MathSuffix(DataType type) => type == DataType.Float ? "f" : string.Empty;
}
