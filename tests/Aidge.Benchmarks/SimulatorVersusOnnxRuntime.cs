using System.Globalization;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Benchmarks;

/// <summary>
/// The simulator against ONNX Runtime on one thread each. The simulator needs no thread setting: its kernels run on
/// the calling thread (none starts threads).
/// </summary>
internal static class SimulatorVersusOnnxRuntime
{
    /// <returns>The line to print, and whether the outputs agreed.</returns>
    /// <exception cref="AidgeException">The simulator cannot run the model.</exception>
    public static (string Line, bool Agrees) Compare(string title, ModelBuilder network, BenchmarkOptions options)
    {
        byte[] model = network.ToBytes();
        var simulator = new SimulatorModel(model);
        // One run up front, so that a missing kernel is reported before ORT spends time on warm-up.
        simulator.Run(network.Feeds);

        using var sessionOptions = OnnxRuntimeModel.OptimizedOptions(threads: 1);
        using var onnxRuntime = new OnnxRuntimeModel(model, sessionOptions);
        IReadOnlyList<Tensor> expected = [], actual = [];
        var (simulatorMedian, ortMedian) = Latency.MedianMilliseconds(
            () => actual = simulator.Run(network.Feeds),
            () => expected = onnxRuntime.Run(network.Feeds),
            options.Warmup,
            options.Iterations);

        var differences = Comparison.Differences(expected, actual);
        return (string.Create(CultureInfo.InvariantCulture,
            $"{title}: 1 thread: simulator {Comparison.Duration(simulatorMedian)}, onnxruntime {Comparison.Duration(ortMedian)}, ratio {simulatorMedian / ortMedian:F1}x ({Comparison.Describe(differences)})"),
            differences.Count == 0);
    }
}
