using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Import;

/// <summary>
/// Expands a <see cref="SparseTensorProto"/> into a dense tensor: the IR has no sparse storage, and the
/// operators that accept sparse constants (Constant's <c>sparse_value</c>) only need the dense value.
/// </summary>
internal static class SparseTensorDecoder
{
    public static Tensor Decode(SparseTensorProto proto, TensorDecoder decoder, string what)
    {
        if (proto.Values is null)
        {
            throw ImportErrors.Error(DiagnosticCodes.TensorDataMismatch, $"{what} is a sparse tensor without values.");
        }
        var values = decoder.Decode(proto.Values, $"{what} (values)");
        long[] dims = proto.Dims.ToArray();
        long count = TensorDecoder.CountElements(dims, what);
        int size = values.Type.SizeOf();
        if (values.Type == DataType.String || count > Tensor.MaxBytes / size)
        {
            throw ImportErrors.Error(DiagnosticCodes.InvalidDims, $"{what} cannot be expanded to a dense {values.Type.OnnxName()} tensor of shape [{string.Join(",", dims)}].");
        }
        long[] linear = LinearIndices(proto, decoder, dims, values.Length, what);
        var dense = Tensor.Create(values.Type, dims);
        var source = values.Bytes.Span;
        var target = dense.Bytes.Span;
        for (int i = 0; i < linear.Length; i++)
        {
            if (linear[i] < 0 || linear[i] >= count)
            {
                throw ImportErrors.Error(DiagnosticCodes.TensorDataMismatch, $"{what} has index {linear[i]} outside its {count} elements.");
            }
            source.Slice(i * size, size).CopyTo(target.Slice((int)linear[i] * size, size));
        }
        return dense;
    }

    /// <summary>Indices are either [NNZ] linear positions or [NNZ, rank] coordinates.</summary>
    private static long[] LinearIndices(SparseTensorProto proto, TensorDecoder decoder, long[] dims, int nonZeros, string what)
    {
        if (proto.Indices is null)
        {
            throw ImportErrors.Error(DiagnosticCodes.TensorDataMismatch, $"{what} is a sparse tensor without indices.");
        }
        var indices = decoder.Decode(proto.Indices, $"{what} (indices)");
        long[] flat = indices.ToInt64Array();
        if (indices.Rank == 1 && flat.Length == nonZeros)
        {
            return flat;
        }
        if (indices.Rank == 2 && indices.Dims[0] == nonZeros && indices.Dims[1] == dims.Length)
        {
            var linear = new long[nonZeros];
            for (int i = 0; i < nonZeros; i++)
            {
                long position = 0;
                for (int axis = 0; axis < dims.Length; axis++)
                {
                    position = position * dims[axis] + flat[i * dims.Length + axis];
                }
                linear[i] = position;
            }
            return linear;
        }
        throw ImportErrors.Error(DiagnosticCodes.TensorDataMismatch,
            $"{what} has indices of shape [{string.Join(",", indices.Dims)}] for {nonZeros} values of a rank-{dims.Length} tensor.");
    }
}
