using System.Globalization;
using System.Text.Json;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Simulation.Runtime;
using Aidge.Testing;
using Digits;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// The Digits sample as a fixed-point HLS design (Precision fixed&lt;18,8&gt;): the C-simulation library runs from C#
/// on every held-out image and stays within the error bound the report states against the simulator with rounded
/// weights; its classifications are compared with the float model's and with the labels. Why 8 integer bits: the
/// logits reach about 34 and their worst-case bound is about 19, so fixed&lt;16,6&gt; (±32) cannot be proven in range for
/// 162 of the 360 images, although its measured error there is as small (0.017).
/// </summary>
[TestClass]
public sealed class HlsFixedDigitsTests : CsimTest
{
    private const string Precision = "fixed<18,8>";

    /// <summary>The least share of held-out images the fixed-point design must classify as the float model does: a design that is only within its (loose, worst-case) bound could still be useless.</summary>
    private const double MinAgreement = 0.99;

    public TestContext TestContext { get; set; } = null!;

    protected override string FolderPrefix => "aidge-hls-fixed-digits-";

    [TestMethod]
    public void CsimMatchesTheSimulatorWithinTheStatedBound()
    {
        var precision = FixedPointFormat.TryParse(Precision, out _)!;
        var library = GeneratedLibrary.Compile(DigitsSample.ModelPath, Folder, "hls", o => o with { Hls = o.Hls with { Precision = precision } });
        double stated = StatedBound();
        var (graph, known) = OptimizedGraph.Load(DigitsSample.ModelPath);
        var diagnostics = new List<Diagnostic>();
        var build = FixedPointBuild.Analyze(graph, known, precision, DigitsSample.ModelPath, diagnostics) ?? throw new AssertFailedException(string.Join("; ", diagnostics));
        Assert.AreEqual(stated, build.OutputBounds[0], 0, "the report states the bound of the graph the design was built from");

        using var native = new Aidge.Testing.NativeModel(library.Path, library.Prefix);
        var heldOut = DigitsSample.LoadHeldOut();
        var floatModel = new Interpreter(graph);
        double worst = 0;
        int agree = 0, correct = 0, outOfRange = 0;
        for (int i = 0; i < heldOut.Count; i++)
        {
            float[] image = heldOut.Image(i).ToArray();
            image.CopyTo(native.Input(0));
            native.Run();
            float[] logits = native.Output(0).ToArray();
            var input = Tensor.FromArray(image, 1, 1, 8, 8);
            var reference = FixedPointReference.Simulate(graph, build, [input]);
            if (reference.OutOfRange is not null)
            {
                outOfRange++;
                continue;
            }
            var outcome = FixedPointReference.Compare(["logits"], reference.Outputs, [Tensor.FromArray(logits, 1, 10)], build.OutputBounds).Single();
            Assert.IsTrue(outcome.WithinBound, $"image {i}: {outcome}");
            worst = Math.Max(worst, outcome.Measured);
            var floatLogits = ((Tensor)floatModel.Run([input])[0]!).Span<float>();
            agree += HeldOutDigits.ArgMax(logits) == HeldOutDigits.ArgMax(floatLogits) ? 1 : 0;
            correct += HeldOutDigits.ArgMax(logits) == heldOut.Label(i) ? 1 : 0;
        }
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Digits {Precision} (accumulator {build.Design.Accumulator}): max abs error {worst:G3} against the bound {stated:G3} on {heldOut.Count} held-out images; {outOfRange} out of range; " +
            $"top-1 agreement with the float model {agree}/{heldOut.Count - outOfRange}; {correct} correct (PyTorch: {DigitsSample.PyTorchCorrect})."));
        Assert.AreEqual(0, outOfRange, $"{outOfRange} held-out images take {Precision} out of its range");
        Assert.IsGreaterThanOrEqualTo(MinAgreement, (double)agree / heldOut.Count, $"top-1 agreement with the float model: {agree}/{heldOut.Count}");
    }

    private double StatedBound()
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "report.json")));
        var fixedPoint = report.RootElement.GetProperty("fpga").GetProperty("fixedPoint");
        Assert.AreEqual(Precision, fixedPoint.GetProperty("precision").GetString());
        return fixedPoint.GetProperty("bounds")[0].GetProperty("bound").GetDouble();
    }
}
