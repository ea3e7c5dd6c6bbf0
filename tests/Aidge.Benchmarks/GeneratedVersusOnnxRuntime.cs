using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Benchmarks;

/// <summary>
/// One model's generated library against ONNX Runtime at each thread count, on the same inputs, summed up in one
/// line: both medians and their ratio per thread count, and whether the outputs agree.
/// </summary>
internal static class GeneratedVersusOnnxRuntime
{
    /// <param name="inputs">The float32 inputs in graph order.</param>
    /// <returns>The line to print, and whether every output agreed at every thread count.</returns>
    public static (string Line, bool Agrees) Compare(
        string title, byte[] model, GeneratedLibrary library, IReadOnlyList<float[]> inputs, IEnumerable<int> threadCounts, BenchmarkOptions options)
    {
        using var native = new NativeModel(library.Path, library.Prefix);
        var timings = new List<string>();
        var differences = new List<string>();
        foreach (int threads in threadCounts)
        {
            using var onnxRuntime = new BoundOnnxRuntime(model, threads);
            native.SetThreads(threads);
            for (int i = 0; i < inputs.Count; i++)
            {
                inputs[i].CopyTo(native.Input(i));
                inputs[i].CopyTo(onnxRuntime.Input(i));
            }
            var (generated, reference) = Latency.MedianMilliseconds(native.Run, onnxRuntime.Run, options.Warmup, options.Iterations);
            timings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{threads} thread{(threads == 1 ? "" : "s")}: generated {Comparison.Duration(generated)}, onnxruntime {Comparison.Duration(reference)}, ratio {generated / reference:F2}x"));
            differences.AddRange(Differences(native, onnxRuntime).Select(d => $"{threads} threads: {d}"));
        }
        return ($"{title}: {string.Join("; ", timings)} ({Comparison.Describe(differences)})", differences.Count == 0);
    }

    private static IReadOnlyList<string> Differences(NativeModel native, BoundOnnxRuntime onnxRuntime)
    {
        var expected = new List<Tensor>();
        var actual = new List<Tensor>();
        for (int i = 0; i < native.OutputCount; i++)
        {
            long[] shape = onnxRuntime.OutputShape(i);
            expected.Add(Tensor.FromArray(onnxRuntime.Output(i).ToArray(), shape));
            actual.Add(Tensor.FromArray(native.Output(i).ToArray(), shape));
        }
        return Comparison.Differences(expected, actual);
    }
}
