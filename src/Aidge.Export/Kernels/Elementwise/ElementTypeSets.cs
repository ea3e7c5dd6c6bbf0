using Aidge.Core.Tensors;
using Aidge.Export.C;

namespace Aidge.Export.Kernels;

/// <summary>The element type sets emitters accept.</summary>
public static class ElementTypeSets
{
    public static readonly DataType[] Float = [DataType.Float, DataType.Double];

    public static readonly DataType[] SignedInteger = [DataType.Int8, DataType.Int16, DataType.Int32, DataType.Int64];

    public static readonly DataType[] UnsignedInteger = [DataType.UInt8, DataType.UInt16, DataType.UInt32, DataType.UInt64];

    public static readonly DataType[] Integer = [.. SignedInteger, .. UnsignedInteger];

    public static readonly DataType[] Numeric = [.. Float, .. Integer];

    public static readonly DataType[] Signed = [.. Float, .. SignedInteger];

    /// <summary>The C math function for the element type: <c>expf</c> for float (and float16, computed in float), <c>exp</c> for double.</summary>
    public static string MathSuffix(DataType type) => type is DataType.Float or DataType.Float16 ? "f" : string.Empty;

    /// <summary>The C type an element is computed in: float for half types (decoded first), the storage type otherwise.</summary>
    public static string ComputeType(DataType type) => type is DataType.Float16 or DataType.BFloat16 ? "float" : CTypes.Of(type)!;

    public static bool IsFloat(DataType type) => type is DataType.Float or DataType.Double or DataType.Float16;

    /// <summary>
    /// The types of an elementwise row plus float16 where it takes float: the elementwise helpers compute half
    /// elements in float and round the result once.
    /// </summary>
    public static DataType[] WithHalf(DataType[] types) => types.Contains(DataType.Float) ? [.. types, DataType.Float16] : types;
}
