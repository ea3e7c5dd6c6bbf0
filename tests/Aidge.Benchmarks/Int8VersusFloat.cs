using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Benchmarks;

/// <summary>
/// The int8 kernels against the float32 ones, through the libraries the OpenMP exporter generates for one 3x3
/// convolution 64 -> 64 at 56x56 (the layer of the ResNet-style network): a float Conv, and an ai.aidge QConv on uint8
/// activations with int8 weights. One line per thread count: both medians and their rates in GOPS (two operations
/// per multiply-add), and the speed-up.
/// </summary>
internal static class Int8VersusFloat
{
    private const int Channels = 64;
    private const int Size = 56;
    private const int Kernel = 3;

    public static string Compare(string workFolder, IEnumerable<int> threadCounts, BenchmarkOptions options)
    {
        var fp32 = new ModelBuilder(seed: 7).Input("x", 1, Channels, Size, Size)
            .RandomInitializer("w", 0.1f, Channels, Channels, Kernel, Kernel).RandomInitializer("b", 0.1f, Channels)
            .Node("Conv", ["x", "w", "b"], ["y"], ("kernel_shape", new long[] { Kernel, Kernel }), ("pads", new long[] { 1, 1, 1, 1 }))
            .Output("y");
        var int8 = new ModelBuilder(seed: 7);
        int8.Input("x", QuantizedModels.Activations(int8.Random, DataType.UInt8, 1, Channels, Size, Size))
            .QConv("x", "y", DataType.UInt8, Channels, Channels, Kernel)
            .Output("y", DataType.UInt8);
        using var floatModel = Load(workFolder, "conv_fp32", fp32.ToBytes(), fp32.Feeds["x"].Span<float>().ToArray());
        using var int8Model = Load(workFolder, "conv_int8", QuantizedModels.Serialize(int8), null);
        double operations = 2.0 * Channels * Channels * Kernel * Kernel * Size * Size;
        var timings = new List<string>();
        foreach (int threads in threadCounts)
        {
            floatModel.SetThreads(threads);
            int8Model.SetThreads(threads);
            var (integer, floating) = Latency.MedianMilliseconds(int8Model.Run, floatModel.Run, options.Warmup, options.Iterations);
            timings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{threads} thread{(threads == 1 ? "" : "s")}: int8 {Comparison.Duration(integer)} ({operations / integer / 1e6:F1} GOPS), fp32 {Comparison.Duration(floating)} ({operations / floating / 1e6:F1} GFLOPS), int8 {floating / integer:F2}x faster"));
        }
        return $"conv3x3 {Channels}->{Channels} at {Size}x{Size}, generated int8 vs fp32: {string.Join("; ", timings)}";
    }

    /// <summary>Compiles a model and binds its library; the float input gets <paramref name="input"/>, the uint8 one keeps zeros (the integer kernels' time does not depend on the values).</summary>
    private static NativeModel Load(string workFolder, string name, byte[] model, float[]? input)
    {
        string path = Path.Combine(workFolder, name + ".onnx");
        File.WriteAllBytes(path, model);
        var library = GeneratedLibrary.Compile(path, Path.Combine(workFolder, name));
        var native = new NativeModel(library.Path, library.Prefix);
        input?.CopyTo(native.Input(0));
        return native;
    }
}
