using System.Runtime.InteropServices;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf.Collections;

namespace Aidge.Onnx.Import;

/// <summary>
/// Turns a <see cref="TensorProto"/> into a <see cref="Tensor"/>. Sizes are validated before anything is
/// allocated, so a header claiming 2^40 elements is reported rather than attempted; raw data is shared
/// with the parsed message instead of being copied.
/// </summary>
internal sealed class TensorDecoder
{
    private readonly ExternalDataReader external;

    public TensorDecoder(string? baseDirectory) => external = new ExternalDataReader(baseDirectory);

    public Tensor Decode(TensorProto proto, string? context = null)
    {
        string what = context ?? (proto.Name.Length > 0 ? $"Tensor '{proto.Name}'" : "A tensor");
        var type = ElementTypes.ForData(proto.DataType, what);
        long[] dims = proto.Dims.ToArray();
        long count = CountElements(dims, what);
        if (type == DataType.String)
        {
            return DecodeStrings(proto, dims, count, what);
        }
        int size = type.SizeOf();
        if (count > Tensor.MaxBytes / size)
        {
            throw ImportErrors.Error(DiagnosticCodes.InvalidDims,
                $"{what} has shape [{string.Join(",", dims)}]: {count} elements of {size} bytes exceed the {Tensor.MaxBytes}-byte tensor limit.");
        }
        long byteCount = count * size;
        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
        {
            return Tensor.FromBytes(type, dims, external.Read(proto, byteCount, what));
        }
        if (proto.HasRawData)
        {
            var raw = proto.RawData.Memory;
            if (raw.Length != byteCount)
            {
                throw Mismatch(what, type, dims, $"{raw.Length} bytes of raw data", $"{byteCount} bytes");
            }
            return Tensor.FromBytes(type, dims, MemoryMarshal.AsMemory(raw));
        }
        return DecodeTypedField(proto, type, dims, count, what);
    }

    /// <summary>The element count, refusing negative dims and products that overflow.</summary>
    public static long CountElements(long[] dims, string what)
    {
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0)
            {
                throw ImportErrors.Error(DiagnosticCodes.InvalidDims, $"{what} has a negative dimension in shape [{string.Join(",", dims)}].");
            }
            if (d != 0 && count > long.MaxValue / d)
            {
                throw ImportErrors.Error(DiagnosticCodes.InvalidDims, $"{what} has shape [{string.Join(",", dims)}], whose element count overflows.");
            }
            count *= d;
        }
        return count;
    }

    /// <summary>Data held in the typed repeated field that the ONNX IR assigns to the element type.</summary>
    private static Tensor DecodeTypedField(TensorProto proto, DataType type, long[] dims, long count, string what)
    {
        return type switch
        {
            DataType.Float => Fill<float, float>(proto.FloatData, type, dims, count, what, "float_data", v => v),
            DataType.Double => Fill<double, double>(proto.DoubleData, type, dims, count, what, "double_data", v => v),
            DataType.Int64 => Fill<long, long>(proto.Int64Data, type, dims, count, what, "int64_data", v => v),
            DataType.UInt64 => Fill<ulong, ulong>(proto.Uint64Data, type, dims, count, what, "uint64_data", v => v),
            DataType.UInt32 => Fill<ulong, uint>(proto.Uint64Data, type, dims, count, what, "uint64_data", v => (uint)v),
            DataType.Int32 => Fill<int, int>(proto.Int32Data, type, dims, count, what, "int32_data", v => v),
            DataType.Int16 => Fill<int, short>(proto.Int32Data, type, dims, count, what, "int32_data", v => (short)v),
            DataType.UInt16 or DataType.Float16 or DataType.BFloat16 =>
                Fill<int, ushort>(proto.Int32Data, type, dims, count, what, "int32_data", v => (ushort)v),
            DataType.Int8 => Fill<int, sbyte>(proto.Int32Data, type, dims, count, what, "int32_data", v => (sbyte)v),
            DataType.UInt8 => Fill<int, byte>(proto.Int32Data, type, dims, count, what, "int32_data", v => (byte)v),
            DataType.Bool => Fill<int, byte>(proto.Int32Data, type, dims, count, what, "int32_data", v => v != 0 ? (byte)1 : (byte)0),
            _ => throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType, $"{what} has element type {type.OnnxName()}, which cannot be decoded."),
        };
    }

    private static Tensor Fill<TField, TElement>(
        RepeatedField<TField> field, DataType type, long[] dims, long count, string what, string fieldName, Func<TField, TElement> convert)
        where TElement : unmanaged
    {
        if (field.Count != count)
        {
            throw Mismatch(what, type, dims, $"{field.Count} values in {fieldName}", $"{count}");
        }
        var tensor = Tensor.Create(type, dims);
        var elements = tensor.Span<TElement>();
        for (int i = 0; i < elements.Length; i++)
        {
            elements[i] = convert(field[i]);
        }
        return tensor;
    }

    private static Tensor DecodeStrings(TensorProto proto, long[] dims, long count, string what)
    {
        if (proto.HasRawData || proto.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw ImportErrors.Error(DiagnosticCodes.TensorDataMismatch, $"{what} is a string tensor but stores raw or external data; strings must be in string_data.");
        }
        if (proto.StringData.Count != count)
        {
            throw Mismatch(what, DataType.String, dims, $"{proto.StringData.Count} strings", $"{count}");
        }
        var values = new string[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = proto.StringData[i].ToStringUtf8();
        }
        return Tensor.FromStrings(dims, values);
    }

    private static AidgeException Mismatch(string what, DataType type, long[] dims, string found, string needed) =>
        ImportErrors.Error(DiagnosticCodes.TensorDataMismatch,
            $"{what} ({type.OnnxName()}[{string.Join(",", dims)}]) holds {found}, but its type and shape need {needed}; the file is corrupt.");
}
