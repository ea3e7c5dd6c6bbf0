using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx.Import;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx;

/// <summary>
/// Reads the serialized values of the ONNX conformance data (<c>input_N.pb</c>, <c>output_N.pb</c>). The
/// wire formats of TensorProto, SequenceProto and OptionalProto overlap, so which message a file holds is
/// decided by the declared type of the graph input or output it belongs to, never guessed from the bytes.
/// </summary>
public static class TensorFiles
{
    /// <summary>
    /// A <see cref="Tensor"/>, a <see cref="TensorSequence"/>, <see cref="OptionalNone.Instance"/> for an empty
    /// optional, or the optional's contained value. A null declared type reads a tensor.
    /// </summary>
    public static object? Read(string path, IrType? declaredType)
    {
        byte[] bytes = ProtoFiles.ReadAllBytes(path);
        var decoder = new TensorDecoder(Path.GetDirectoryName(Path.GetFullPath(path)));
        try
        {
            return declaredType switch
            {
                SequenceType sequence => ReadSequence(ProtoFiles.Parse(SequenceProto.Parser, bytes, path, "a serialized ONNX sequence"), sequence, decoder),
                OptionalType optional => ReadOptional(ProtoFiles.Parse(OptionalProto.Parser, bytes, path, "a serialized ONNX optional"), optional, decoder),
                MapType => throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType, "Map values are not supported."),
                _ => decoder.Decode(ProtoFiles.Parse(TensorProto.Parser, bytes, path, "a serialized ONNX tensor")),
            };
        }
        catch (AidgeException e)
        {
            throw e.WithFile(path);
        }
    }

    private static TensorSequence ReadSequence(SequenceProto proto, SequenceType declared, TensorDecoder decoder)
    {
        bool holdsTensors = proto.ElemType == (int)SequenceProto.Types.DataType.Tensor
            || (proto.ElemType == (int)SequenceProto.Types.DataType.Undefined && proto.TensorValues.Count == proto.CountValues());
        if (!holdsTensors)
        {
            throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType,
                $"The sequence holds elements of kind {proto.ElemType}; only sequences of tensors are supported.");
        }
        return new TensorSequence(proto.TensorValues.Select((t, i) => decoder.Decode(t, $"Sequence element {i}")))
        {
            ElementType = declared.ElementType,
        };
    }

    private static object ReadOptional(OptionalProto proto, OptionalType declared, TensorDecoder decoder)
    {
        return (proto.ElemType, declared.Element) switch
        {
            ((int)OptionalProto.Types.DataType.Tensor, _) when proto.TensorValue is not null => decoder.Decode(proto.TensorValue),
            ((int)OptionalProto.Types.DataType.Sequence, SequenceType sequence) when proto.SequenceValue is not null =>
                ReadSequence(proto.SequenceValue, sequence, decoder),
            ((int)OptionalProto.Types.DataType.SparseTensor or (int)OptionalProto.Types.DataType.Map or (int)OptionalProto.Types.DataType.Optional, _) =>
                throw ImportErrors.Error(DiagnosticCodes.UnsupportedElementType, $"The optional holds elements of kind {proto.ElemType}; only tensors and sequences of tensors are supported."),
            _ => OptionalNone.Instance,
        };
    }

    private static int CountValues(this SequenceProto proto) =>
        proto.TensorValues.Count + proto.SparseTensorValues.Count + proto.SequenceValues.Count + proto.MapValues.Count + proto.OptionalValues.Count;
}
