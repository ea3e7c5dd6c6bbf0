using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;
using Google.Protobuf;

namespace Aidge.Onnx.Export;

/// <summary>Writes a <see cref="Tensor"/> as a <see cref="TensorProto"/>: raw little-endian data, or string_data for strings.</summary>
internal static class TensorEncoder
{
    public static TensorProto Encode(Tensor tensor, string name = "")
    {
        var proto = new TensorProto { DataType = (int)tensor.Type };
        if (name.Length > 0)
        {
            proto.Name = name;
        }
        proto.Dims.AddRange(tensor.Dims);
        if (tensor.Type == DataType.String)
        {
            proto.StringData.AddRange(tensor.Strings.Select(ByteString.CopyFromUtf8));
        }
        else
        {
            // Tensors are immutable once built, so the message may share their storage.
            proto.RawData = UnsafeByteOperations.UnsafeWrap(tensor.Bytes);
        }
        return proto;
    }

    /// <summary>A dense tensor in sparse form: every element listed with its linear index (the IR keeps no sparsity).</summary>
    public static SparseTensorProto EncodeSparse(Tensor tensor)
    {
        var proto = new SparseTensorProto { Values = Encode(tensor.Reshape(tensor.Length)) };
        proto.Dims.AddRange(tensor.Dims);
        var indices = new long[tensor.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }
        proto.Indices = Encode(Tensor.FromArray(indices, indices.Length));
        return proto;
    }
}
