using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;
using Aidge.Passes.Tests.Support;
using Aidge.Simulation.Calibration;
using Aidge.Simulation.Runtime;
using Aidge.Testing;
using Digits;

namespace Aidge.Passes.Tests.Quantization;

/// <summary>
/// The Digits sample's CNN quantized to int8 after O2, calibrated on its calibration set (training split) and
/// evaluated on the 360 held-out images with the simulator, which runs the integer graph as the C code will.
/// </summary>
[TestClass]
public sealed class DigitsQuantizationTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Int8IsWithinOnePointOfFloatAndWeightsShrinkAtLeast3Point5Times()
    {
        var heldOut = DigitsSample.LoadHeldOut();
        var reference = Optimized();
        var floatLogits = Logits(reference, heldOut);
        int floatCorrect = Correct(floatLogits, heldOut);
        long floatBytes = GraphEdits.ParameterBytes(reference);
        var statistics = CalibrationStatistics.Collect(reference, CalibrationSamples(), PassTesting.FileName);
        TestContext.WriteLine($"fp32: {floatCorrect}/{heldOut.Count} = {100.0 * floatCorrect / heldOut.Count:F2} %, parameters {floatBytes} bytes");
        foreach (var symmetric in new[] { false, true })
        {
            foreach (var method in Enum.GetValues<CalibrationMethod>())
            {
                var graph = Optimized();
                var (record, _) = QuantizationTesting.Quantize(graph, QuantizationTesting.Settings(statistics, method, symmetric));
                var logits = Logits(graph, heldOut);
                int correct = Correct(logits, heldOut);
                long bytes = GraphEdits.ParameterBytes(graph);
                TestContext.WriteLine($"int8 {(symmetric ? "symmetric" : "asymmetric")} {CalibrationMethods.NameOf(method),-10}: {correct}/{heldOut.Count} = {100.0 * correct / heldOut.Count:F2} %, "
                    + $"parameters {bytes} bytes ({(double)floatBytes / bytes:F2}x smaller), logits SNR {SignalToNoise(floatLogits, logits):F1} dB, {record.Result.Rewrites} layers, nodes {record.NodesBefore} -> {record.NodesAfter}");
                Assert.AreEqual(3, record.Result.Rewrites, "both convolutions and the classifier");
                Assert.AreEqual(0, graph.Nodes.Count(n => n.OpType is "Conv" or "Gemm" or "FusedConv" or "FusedGemm"));
                Assert.IsTrue(floatCorrect - correct <= heldOut.Count / 100, $"{method}: int8 {correct} against fp32 {floatCorrect}: more than one point lost");
                Assert.IsTrue(floatBytes >= 3.5 * bytes, $"{floatBytes} -> {bytes} bytes");
            }
        }
    }

    private static Graph Optimized()
    {
        var model = PassTesting.Import(File.ReadAllBytes(DigitsSample.ModelPath));
        var context = PassTesting.Context();
        PassManager.Run(model.Graph, PipelineBuilder.Build("O2", context), context);
        return model.Graph;
    }

    private static float[][] Logits(Graph graph, HeldOutDigits heldOut)
    {
        var interpreter = new Interpreter(graph, file: PassTesting.FileName);
        return Enumerable.Range(0, heldOut.Count).Select(i =>
        {
            var feeds = DigitsSample.Feeds(heldOut.Image(i).ToArray()).ToDictionary(f => f.Key, f => (object?)f.Value);
            return ((Tensor)interpreter.Run(feeds)[graph.Outputs[0].Name]!).Span<float>().ToArray();
        }).ToArray();
    }

    private static int Correct(float[][] logits, HeldOutDigits heldOut) =>
        Enumerable.Range(0, heldOut.Count).Count(i => HeldOutDigits.ArgMax(logits[i]) == heldOut.Label(i));

    /// <summary>10·log10(Σ reference² / Σ (reference − quantized)²) over every logit.</summary>
    private static double SignalToNoise(float[][] reference, float[][] quantized)
    {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            for (int j = 0; j < reference[i].Length; j++)
            {
                signal += (double)reference[i][j] * reference[i][j];
                noise += Math.Pow(reference[i][j] - quantized[i][j], 2);
            }
        }
        return 10 * Math.Log10(signal / noise);
    }

    /// <summary>samples/Digits/digits-calibration.npy: a NumPy v1 file of float32 [256, 1, 8, 8] (header length at bytes 8-9).</summary>
    private static IEnumerable<IReadOnlyDictionary<string, Tensor>> CalibrationSamples()
    {
        var bytes = File.ReadAllBytes(Path.Combine(DigitsSample.Folder, "digits-calibration.npy"));
        int start = 10 + BitConverter.ToUInt16(bytes, 8);
        var pixels = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(start)).ToArray();
        for (int i = 0; i < pixels.Length / HeldOutDigits.Pixels; i++)
        {
            yield return DigitsSample.Feeds(pixels.AsSpan(i * HeldOutDigits.Pixels, HeldOutDigits.Pixels).ToArray());
        }
    }
}
