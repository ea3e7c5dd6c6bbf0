namespace Aidge.Core.Tensors;

/// <summary>Element types, numbered as ONNX's <c>TensorProto.DataType</c> so the value travels unchanged through files.</summary>
public enum DataType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
    Complex64 = 14,
    Complex128 = 15,
    BFloat16 = 16,
    Float8E4M3FN = 17,
    Float8E4M3FNUZ = 18,
    Float8E5M2 = 19,
    Float8E5M2FNUZ = 20,
    UInt4 = 21,
    Int4 = 22,
    Float4E2M1 = 23,
    Float8E8M0 = 24,
}

/// <summary>Facts about each <see cref="DataType"/> that kernels, readers and emitters share.</summary>
public static class DataTypes
{
    /// <summary>Bytes per element in this IR's storage, or 0 for types it cannot store (strings are held as .NET strings).</summary>
    public static int SizeOf(this DataType type) => type switch
    {
        DataType.Float or DataType.Int32 or DataType.UInt32 => 4,
        DataType.Double or DataType.Int64 or DataType.UInt64 => 8,
        DataType.Float16 or DataType.BFloat16 or DataType.Int16 or DataType.UInt16 => 2,
        DataType.Int8 or DataType.UInt8 or DataType.Bool => 1,
        _ => 0,
    };

    /// <summary>True for the types this IR can hold in a <see cref="Tensor"/>.</summary>
    public static bool IsSupported(this DataType type) => type == DataType.String || type.SizeOf() > 0;

    public static bool IsFloatingPoint(this DataType type) =>
        type is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16;

    /// <summary>Float16 and BFloat16: stored narrow, computed in float32 by the simulator.</summary>
    public static bool IsHalfPrecision(this DataType type) => type is DataType.Float16 or DataType.BFloat16;

    public static bool IsSignedInteger(this DataType type) =>
        type is DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64;

    public static bool IsUnsignedInteger(this DataType type) =>
        type is DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64;

    public static bool IsInteger(this DataType type) => type.IsSignedInteger() || type.IsUnsignedInteger();

    public static bool IsNumeric(this DataType type) => type.IsInteger() || type.IsFloatingPoint();

    /// <summary>The lower-case name ONNX uses in its documentation (<c>float</c>, <c>int64</c>, ...).</summary>
    public static string OnnxName(this DataType type) => type switch
    {
        DataType.Float => "float",
        DataType.Double => "double",
        DataType.Float16 => "float16",
        DataType.BFloat16 => "bfloat16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
