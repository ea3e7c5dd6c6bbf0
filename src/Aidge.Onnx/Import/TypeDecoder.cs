using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Import;

/// <summary>Turns a <see cref="TypeProto"/> into an <see cref="IrType"/>; a tensor type without a shape has unknown rank.</summary>
internal static class TypeDecoder
{
    /// <summary>The type, or null when the file states none.</summary>
    public static IrType? Decode(TypeProto? proto, string what) => proto?.ValueCase switch
    {
        null or TypeProto.ValueOneofCase.None => null,
        TypeProto.ValueOneofCase.TensorType => new TensorType(
            ElementTypes.ForType(proto.TensorType.ElemType, what), DecodeShape(proto.TensorType.Shape)),
        // A sparse tensor is imported dense (see SparseTensorDecoder), so its type is a tensor type.
        TypeProto.ValueOneofCase.SparseTensorType => new TensorType(
            ElementTypes.ForType(proto.SparseTensorType.ElemType, what), DecodeShape(proto.SparseTensorType.Shape)),
        TypeProto.ValueOneofCase.SequenceType => new SequenceType(Required(proto.SequenceType.ElemType, what)),
        TypeProto.ValueOneofCase.OptionalType => new OptionalType(Required(proto.OptionalType.ElemType, what)),
        TypeProto.ValueOneofCase.MapType => new MapType(
            ElementTypes.ForType(proto.MapType.KeyType, what), Required(proto.MapType.ValueType, what)),
        _ => throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType, $"{what} has an opaque type, which Aidge does not support."),
    };

    private static IrType Required(TypeProto? element, string what) =>
        Decode(element, what) ?? throw ImportErrors.Error(DiagnosticCodes.MalformedModel, $"{what} has a container type without an element type.");

    private static Shape? DecodeShape(TensorShapeProto? shape) =>
        shape is null ? null : new Shape(shape.Dim.Select(DecodeDim));

    private static Dim DecodeDim(TensorShapeProto.Types.Dimension dim) => dim.ValueCase switch
    {
        // A negative size is how some exporters write "unknown"; it is never a real size.
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => dim.DimValue >= 0 ? Dim.Of(dim.DimValue) : Dim.Unknown,
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam when dim.DimParam.Length > 0 => Dim.Named(dim.DimParam),
        _ => Dim.Unknown,
    };
}
