using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Elementwise;

namespace Aidge.Compiler.Data;

/// <summary>
/// Cuts one array into samples of an input: an array [N·b, ...] for an input [b, ...] (the usual dump of a data set,
/// e.g. [360,1,8,8] for [1,1,8,8]), or [N, b, ...] (a stack of whole inputs). The samples share the array's storage.
/// Element types convert within their family (float64 data for a float32 input, int32 for int64); across families
/// (uint8 pixels for a float input) the user must decide the scaling, so that is an error that says so.
/// </summary>
public static class SampleFeeds
{
    public static IReadOnlyList<Tensor> Split(Tensor data, InputSlot input, string path)
    {
        var converted = Convert(data, input, path);
        long[] dims = input.Dims;
        long rows;
        if (converted.Rank == dims.Length + 1 && converted.Dims.AsSpan(1).SequenceEqual(dims))
        {
            rows = converted.Dims[0];
        }
        else if (dims.Length > 0 && input.Batch > 0 && converted.Rank == dims.Length && converted.Dims.AsSpan(1).SequenceEqual(dims.AsSpan(1)) && converted.Dims[0] % input.Batch == 0)
        {
            rows = converted.Dims[0] / input.Batch;
        }
        else
        {
            string rest = string.Concat(dims.Skip(1).Select(d => $",{d}"));
            string batched = dims.Length == 0 ? "" : $"[N·{input.Batch}{rest}] or ";
            throw new AidgeException(DiagnosticCodes.DataMismatch,
                $"The data file {path} holds {data}; input '{input.Name}' takes {input}, so the array must be {batched}[N{string.Concat(dims.Select(d => $",{d}"))}] for N samples.", path);
        }
        if (rows == 0)
        {
            throw new AidgeException(DiagnosticCodes.DataMismatch, $"The data file {path} holds no samples ({data}).", path);
        }
        int sampleBytes = converted.Bytes.Length / (int)rows;
        return Enumerable.Range(0, (int)rows)
            .Select(i => Tensor.FromBytes(converted.Type, (long[])dims.Clone(), converted.Bytes.Slice(i * sampleBytes, sampleBytes)))
            .ToList();
    }

    private static Tensor Convert(Tensor data, InputSlot input, string path)
    {
        bool sameFamily = data.Type == input.Type
            || (data.Type.IsFloatingPoint() && input.Type.IsFloatingPoint())
            || (data.Type.IsInteger() && input.Type.IsInteger());
        if (!sameFamily)
        {
            throw new AidgeException(DiagnosticCodes.DataMismatch,
                $"The data file {path} holds {data.Type.OnnxName()} values; input '{input.Name}' takes {input}. Save the array as {NumpyName(input.Type)} (numpy dtype), with the values the model expects (e.g. pixels scaled as in training).", path);
        }
        return ElementConversion.Convert(data, input.Type);
    }

    /// <summary>The numpy name of an element type, for advice on how to save an array (ONNX says "float" for float32).</summary>
    private static string NumpyName(DataType type) => type switch
    {
        DataType.Float => "float32",
        DataType.Double => "float64",
        DataType.Float16 => "float16",
        _ => type.OnnxName(),
    };
}
