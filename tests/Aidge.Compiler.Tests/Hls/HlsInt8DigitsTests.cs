using Aidge.Compiler.Compilation;
using Aidge.Compiler.Inspection;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Export.Hls;
using Aidge.Simulation.Runtime;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// Digits quantized to int8 (calibrated on the sample's calibration set) through the HLS target: the C-simulation
/// library, whose QConv / QGemm layers compute in aidge::integer with the simulator's requantization, gives exactly the
/// quantized simulator's logits, bit for bit, on every held-out digit, under both strategies.
/// </summary>
[TestClass]
public sealed class HlsInt8DigitsTests : CsimTest
{
    protected override string FolderPrefix => "aidge-hls-int8-";

    [TestMethod]
    [DataRow("latency", "1")]
    [DataRow("resource", "4")]
    public void CsimLibraryIsBitExactAgainstTheQuantizedSimulator(string strategy, string reuseFactor)
    {
        var hls = HlsOptions.Parse(reuseFactor, strategy, null, null, null, out string? error) ?? throw new AssertFailedException(error!);
        CompileOptions Quantized(CompileOptions o) => o with { Quantize = "int8", CalibrationData = Path.Combine(DigitsSample.Folder, "digits-calibration.npy"), Hls = hls };
        var library = GeneratedLibrary.Compile(DigitsSample.ModelPath, Folder, "hls", Quantized);
        string design = File.ReadAllText(Path.Combine(Folder, "native", $"{library.Prefix}.cpp"));
        StringAssert.Contains(design, "aidge_hls_requantize(acc, multiplier[co], total_shift[co]");
        StringAssert.Contains(design, "aidge_hls_centered(");

        // The quantized graph as the compiler made it, run by the simulator.
        var diagnostics = new List<Diagnostic>();
        var options = Quantized(new CompileOptions(DigitsSample.ModelPath, "hls", Folder, null, null, DimBindings.TryParse([], out _)!)) with { NoVerify = true };
        var (model, inference) = ModelImport.Load(options, DigitsSample.ModelPath, diagnostics);
        OptimizeStep.Run(model, inference, options, DigitsSample.ModelPath, diagnostics);
        Assert.IsTrue(model.Graph.Nodes.Any(n => n.OpType == "QConv"), "The graph is quantized.");
        var interpreter = new Interpreter(model.Graph);

        using var native = new NativeModel(library.Path, library.Prefix);
        var heldOut = DigitsSample.LoadHeldOut();
        int compared = 0, differing = 0;
        string? first = null;
        for (int i = 0; i < heldOut.Count; i++)
        {
            float[] image = heldOut.Image(i).ToArray();
            image.CopyTo(native.Input(0));
            native.Run();
            var expected = ((Tensor)interpreter.Run([Tensor.FromArray(image, 1, 1, 8, 8)])[0]!).Span<float>();
            var actual = native.Output(0);
            compared++;
            if (!System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(actual)))
            {
                differing++;
                first ??= $"digit {i}: simulator [{string.Join(", ", expected.ToArray())}], csim [{string.Join(", ", actual.ToArray())}]";
            }
        }
        Assert.AreEqual(0, differing, $"{differing} of {compared} held-out digits differ; the first: {first}");
        Assert.IsTrue(compared > 300);
    }
}
