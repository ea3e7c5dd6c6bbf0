using Aidge.Core.Tensors;

namespace Aidge.Export.C;

/// <summary>The C type that holds each element type in generated code (fixed-width, from stdint.h).</summary>
public static class CTypes
{
    /// <summary>The C type, or null when generated code cannot hold the type. Half types are raw 16-bit patterns: only data movement uses them.</summary>
    public static string? Of(DataType type) => type switch
    {
        DataType.Float => "float",
        DataType.Double => "double",
        DataType.Int8 => "int8_t",
        DataType.UInt8 => "uint8_t",
        DataType.Int16 => "int16_t",
        DataType.UInt16 => "uint16_t",
        DataType.Int32 => "int32_t",
        DataType.UInt32 => "uint32_t",
        DataType.Int64 => "int64_t",
        DataType.UInt64 => "uint64_t",
        DataType.Bool => "uint8_t",
        DataType.Float16 or DataType.BFloat16 => "uint16_t",
        _ => null,
    };

    /// <summary>A short tag for helper names: <c>f32</c>, <c>i64</c>...</summary>
    public static string Tag(DataType type) => type switch
    {
        DataType.Float => "f32",
        DataType.Double => "f64",
        DataType.Int8 => "i8",
        DataType.UInt8 => "u8",
        DataType.Int16 => "i16",
        DataType.UInt16 => "u16",
        DataType.Int32 => "i32",
        DataType.UInt32 => "u32",
        DataType.Int64 => "i64",
        DataType.UInt64 => "u64",
        DataType.Bool => "b8",
        DataType.Float16 => "f16",
        DataType.BFloat16 => "bf16",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No C type."),
    };
}
