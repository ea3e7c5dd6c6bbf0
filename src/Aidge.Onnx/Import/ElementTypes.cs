using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;

namespace Aidge.Onnx.Import;

/// <summary>Maps ONNX <c>TensorProto.DataType</c> numbers to the IR's element types, refusing those it cannot hold.</summary>
internal static class ElementTypes
{
    /// <summary>The element type of stored data: it must be one the IR can hold.</summary>
    public static DataType ForData(int number, string what)
    {
        var type = ForType(number, what);
        if (type == DataType.Undefined)
        {
            throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType, $"{what} has no element type (data_type 0); the file is malformed.");
        }
        return type;
    }

    /// <summary>The element type in a type declaration: Undefined (not stated) is allowed there.</summary>
    public static DataType ForType(int number, string what)
    {
        if (number == 0)
        {
            return DataType.Undefined;
        }
        if (!Enum.IsDefined(typeof(DataType), number))
        {
            throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType,
                $"{what} has unknown element type {number}; it was written by a newer ONNX version, or the file is corrupt.");
        }
        var type = (DataType)number;
        if (!type.IsSupported())
        {
            throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType,
                $"{what} has element type {type.OnnxName()}, which Aidge does not support; cast it to a supported type (float, float16, bfloat16, double, integers, bool, string) before export.");
        }
        return type;
    }
}
