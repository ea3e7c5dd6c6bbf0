using System.Globalization;
using Aidge.Benchmarks;
using Aidge.Conformance;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Testing;

// The simulator against ONNX Runtime on one thread each, on a ResNet-style network: a 3x3 stem convolution to
// 64 channels at 56x56, then basic residual blocks (two 3x3 convolutions with BatchNormalization, Relu, skip Add).
// The simulator needs no thread setting: its kernels run on the calling thread (none starts threads).
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
string title = $"resnet-style {1 + 2 * options.Blocks} conv {Channels}x{Size}x{Size}";

SimulatorModel simulator;
try
{
    simulator = new SimulatorModel(model);
    // One run up front, so that a missing kernel is reported before ORT spends time on warm-up.
    simulator.Run(network.Feeds);
}
catch (AidgeException e)
{
    Console.Error.WriteLine($"{title}: the simulator cannot run it: {e.Diagnostic.Code}: {e.Diagnostic.Message}");
    return 1;
}

using var sessionOptions = OnnxRuntimeModel.SingleThreadedOptimizedOptions();
using var onnxRuntime = new OnnxRuntimeModel(model, sessionOptions);
IReadOnlyList<Tensor> expected = [], actual = [];
var (simulatorMedian, ortMedian) = Latency.MedianMilliseconds(
    () => actual = simulator.Run(network.Feeds),
    () => expected = onnxRuntime.Run(network.Feeds),
    options.Warmup,
    options.Iterations);

var differences = OracleComparison.Differences(expected, actual, new Tolerance(Agreement, Agreement));
string agreement = differences.Count == 0
    ? string.Create(CultureInfo.InvariantCulture, $"outputs agree within {Agreement:0e0}")
    : $"OUTPUTS DIFFER: {string.Join("; ", differences)}";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{title}: simulator median {simulatorMedian:F1} ms, onnxruntime median {ortMedian:F1} ms, ratio {simulatorMedian / ortMedian:F1}x ({agreement})"));
return differences.Count == 0 ? 0 : 1;
