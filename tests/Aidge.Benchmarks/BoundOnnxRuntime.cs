using Aidge.Testing;
using Microsoft.ML.OnnxRuntime;

namespace Aidge.Benchmarks;

/// <summary>
/// ONNX Runtime on the same terms as <see cref="NativeModel"/>: float32 input and output tensors created once over
/// managed buffers, so that a timed <see cref="Run"/> is ORT's own work, not tensor creation or copies.
/// </summary>
internal sealed class BoundOnnxRuntime : IDisposable
{
    private readonly SessionOptions options;
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly IReadOnlyList<string> inputNames;
    private readonly IReadOnlyList<string> outputNames;
    private readonly float[][] inputs;
    private readonly float[][] outputs;
    private readonly OrtValue[] inputValues;
    private readonly OrtValue[] outputValues;

    /// <param name="model">The ONNX bytes; every input and output must be float32 with a static shape.</param>
    /// <param name="threads">ORT's intra-op thread count.</param>
    public BoundOnnxRuntime(byte[] model, int threads)
    {
        options = OnnxRuntimeModel.OptimizedOptions(threads);
        session = new InferenceSession(model, options);
        inputNames = session.InputNames;
        outputNames = session.OutputNames;
        (inputs, inputValues) = Bind(inputNames, session.InputMetadata);
        (outputs, outputValues) = Bind(outputNames, session.OutputMetadata);
    }

    /// <summary>Input <paramref name="index"/> in graph order, to be filled before <see cref="Run"/>.</summary>
    public Span<float> Input(int index) => inputs[index];

    /// <summary>Output <paramref name="index"/> in graph order, as the last <see cref="Run"/> left it.</summary>
    public ReadOnlySpan<float> Output(int index) => outputs[index];

    /// <summary>The shape of output <paramref name="index"/>.</summary>
    public long[] OutputShape(int index) => Shape(session.OutputMetadata[outputNames[index]]);

    public void Run() => session.Run(runOptions, inputNames, inputValues, outputNames, outputValues);

    public void Dispose()
    {
        foreach (var value in inputValues.Concat(outputValues))
        {
            value.Dispose();
        }
        runOptions.Dispose();
        session.Dispose();
        options.Dispose();
    }

    private static (float[][] Buffers, OrtValue[] Values) Bind(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata)
    {
        var buffers = new float[names.Count][];
        var values = new OrtValue[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            long[] shape = Shape(metadata[names[i]]);
            buffers[i] = new float[shape.Aggregate(1L, (product, dim) => product * dim)];
            values[i] = OrtValue.CreateTensorValueFromMemory(buffers[i], shape);
        }
        return (buffers, values);
    }

    private static long[] Shape(NodeMetadata metadata) =>
        metadata.ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float && metadata.Dimensions.All(d => d > 0)
            ? metadata.Dimensions.Select(d => (long)d).ToArray()
            : throw new NotSupportedException("The benchmark binds float32 tensors of static shape only.");
}
