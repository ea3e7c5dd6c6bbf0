using System.Globalization;
using Aidge.Benchmarks;
using Aidge.Conformance;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Testing;

// The simulator against ONNX Runtime on one thread each, on a ResNet-style network: a 3x3 stem convolution to
// 64 channels at 56x56, then basic residual blocks (two 3x3 convolutions with BatchNormalization, Relu, skip Add).
const int Channels = 64;
const int Size = 56;
const double Agreement = 1e-3;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var network = NetworkBlocks.ResNetStyleNetwork(Channels, Size, options.Blocks);
byte[] model = network.ToBytes();
int convolutions = 1 + 2 * options.Blocks;

IReadOnlyList<Tensor> expected = [];
double ortMedian;
using (var sessionOptions = OnnxRuntimeModel.SingleThreadedOptimizedOptions())
using (var onnxRuntime = new OnnxRuntimeModel(model, sessionOptions))
{
    ortMedian = Latency.MedianMilliseconds(() => expected = onnxRuntime.Run(network.Feeds), options.Warmup, options.Iterations);
}

IReadOnlyList<Tensor> actual = [];
double simulatorMedian;
try
{
    var simulator = new SimulatorModel(model);
    simulatorMedian = Latency.MedianMilliseconds(() => actual = simulator.Run(network.Feeds), options.Warmup, options.Iterations);
}
catch (AidgeException e)
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"resnet-style {convolutions} conv {Channels}x{Size}x{Size}: onnxruntime median {ortMedian:F1} ms; the simulator cannot run it: {e.Diagnostic.Code}: {e.Diagnostic.Message}"));
    return 1;
}

var differences = OracleComparison.Differences(expected, actual, new Tolerance(Agreement, Agreement));
string agreement = differences.Count == 0
    ? string.Create(CultureInfo.InvariantCulture, $"outputs agree within {Agreement:0e0}")
    : $"OUTPUTS DIFFER: {string.Join("; ", differences)}";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"resnet-style {convolutions} conv {Channels}x{Size}x{Size}: simulator median {simulatorMedian:F1} ms, onnxruntime median {ortMedian:F1} ms, ratio {simulatorMedian / ortMedian:F1}x ({agreement})"));
return differences.Count == 0 ? 0 : 1;
