using Aidge.Core.Tensors;
using Microsoft.ML.OnnxRuntime;
using TensorElementType = Microsoft.ML.OnnxRuntime.Tensors.TensorElementType;

namespace Aidge.Testing;

/// <summary>A model loaded into ONNX Runtime, run on IR tensors, for comparison with the simulator.</summary>
public sealed class OnnxRuntimeModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    public OnnxRuntimeModel(byte[] model, SessionOptions options) => session = new InferenceSession(model, options);

    /// <summary>
    /// The settings for checking semantics: no graph rewrites (ORT would fold BatchNormalization into Conv and so
    /// on), so each node runs as the ONNX spec states it, on one thread so that results do not depend on the machine.
    /// </summary>
    public static SessionOptions ReferenceOptions() => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    };

    /// <summary>
    /// The settings for timing: every graph optimization, <paramref name="threads"/> threads inside each operator
    /// (the caller's plus a pool), sequential execution of the graph's nodes.
    /// </summary>
    public static SessionOptions OptimizedOptions(int threads) => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        IntraOpNumThreads = threads,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    };

    /// <summary>Runs the model on the given inputs (by name) and returns its outputs in graph order.</summary>
    public IReadOnlyList<Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        var names = inputs.Keys.ToList();
        var values = new List<OrtValue>(names.Count);
        try
        {
            values.AddRange(names.Select(n => ToOrtValue(inputs[n])));
            using var outputs = session.Run(runOptions, names, values, session.OutputNames);
            return outputs.Select(ToTensor).ToList();
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    public void Dispose()
    {
        runOptions.Dispose();
        session.Dispose();
    }

    private static OrtValue ToOrtValue(Tensor tensor)
    {
        // TensorElementType and DataType are both numbered like ONNX's TensorProto.DataType.
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, (TensorElementType)(int)tensor.Type, tensor.Dims);
        tensor.Bytes.Span.CopyTo(value.GetTensorMutableRawData());
        return value;
    }

    private static Tensor ToTensor(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return Tensor.FromBytes((DataType)(int)info.ElementDataType, info.Shape, value.GetTensorMutableRawData().ToArray());
    }
}
