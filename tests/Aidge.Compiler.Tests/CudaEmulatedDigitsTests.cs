using System.Text.Json;
using Aidge.Compiler.Compilation;
using Aidge.Compiler.Inspection;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Export.Cuda;
using Aidge.Export.Toolchain;
using Aidge.Simulation.Runtime;
using Aidge.Testing;
using Digits;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The Digits sample through the CUDA target, run here in emulation: <c>aidgec compile --target cuda --no-native</c>
/// writes the .cu (no nvcc here), <see cref="CudaEmulatedBuild"/> builds it for the CPU, and every held-out image goes
/// through its C ABI and through the simulator on the graph the compiler exported (the same import and passes). fp32
/// must agree within the build-time check's tolerance; the int8 item (calibrated on the sample's calibration set) must
/// give the quantized simulator's bytes exactly, since integer kernels have no rounding freedom.
/// </summary>
[TestClass]
public sealed class CudaEmulatedDigitsTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Fp32DigitsAgreesWithTheSimulatorOnEveryHeldOutImage() => Check(quantize: null);

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Int8DigitsGivesTheQuantizedSimulatorsBytesOnEveryHeldOutImage() => Check(quantize: "int8");

    private static void Check(string? quantize)
    {
        var cxx = CCompilerLocator.FindCxx(null, out _);
        if (cxx is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the emulated CUDA build needs one.");
            return;
        }
        var folder = Directory.CreateTempSubdirectory("aidge-digits-cuda-");
        try
        {
            string calibration = Path.Combine(DigitsSample.Folder, "digits-calibration.npy");
            string[] quantizeOptions = quantize is null ? [] : ["--quantize", quantize, "--calibration-data", calibration];
            // The graph the compiler exports, rebuilt from the same options, is what the simulator runs.
            var options = new CompileOptions(DigitsSample.ModelPath, "cuda", folder.FullName, ClassName: null, Namespace: null, DimBindings.TryParse([], out _)!, NoNative: true)
            {
                Quantize = quantize,
                CalibrationData = quantize is null ? null : calibration,
            };
            var graph = ExportedGraph(options);
            var missing = graph.Nodes.Where(n => !CudaEmitters.Registry.Contains(n.Domain, n.OpType)).Select(n => n.OpType).Distinct().ToList();
            if (quantize is not null && missing.Count > 0)
            {
                // The int8 kernels are a later step of the CUDA target; this test turns on by itself when they exist.
                Assert.Inconclusive($"The CUDA target has no emitter yet for the quantized Digits graph's {string.Join(", ", missing)}.");
                return;
            }
            var (code, error) = CudaDigits.Compile(folder.FullName, ["--no-native", .. quantizeOptions]);
            Assert.AreEqual(0, code, $"aidgec compile --target cuda --no-native failed:{Environment.NewLine}{error}");
            string prefix = Prefix(folder.FullName);
            string native = Path.Combine(folder.FullName, "native");
            string library = $"lib{prefix}_emulated.so";
            var build = CudaEmulatedBuild.Build(cxx, native, [$"{prefix}.cu"], library);
            Assert.IsTrue(build.Succeeded, $"The emulated build of the generated {prefix}.cu failed: {build.Summary()}");

            var simulator = new Interpreter(graph, file: DigitsSample.ModelPath);
            using var model = Aidge.Compiler.Verification.NativeModel.Open(Path.Combine(native, library), prefix);
            var heldOut = DigitsSample.LoadHeldOut();
            int correct = 0;
            for (int i = 0; i < heldOut.Count; i++)
            {
                var image = Tensor.FromArray(heldOut.Image(i).ToArray(), 1, 1, 8, 8);
                var expected = (Tensor)simulator.Run([image])[0]!;
                var logits = new byte[expected.Bytes.Length];
                Assert.AreEqual(0, model.Run([image.Bytes.ToArray()], [logits]), $"run failed on held-out image {i}");
                var actual = Tensor.FromBytes(expected.Type, expected.Dims, logits);
                if (quantize is null)
                {
                    var difference = OutputComparison.Compare("logits", expected, actual);
                    Assert.IsTrue(difference.Agrees, $"held-out image {i}: {difference}");
                }
                else
                {
                    CollectionAssert.AreEqual(expected.Bytes.ToArray(), logits, $"held-out image {i}: the int8 logits differ from the quantized simulator's");
                }
                correct += HeldOutDigits.ArgMax(actual.Span<float>()) == heldOut.Label(i) ? 1 : 0;
            }
            // Agreeing with the simulator on every image already implies the accuracy; this says it in the sample's terms
            // (fp32 as PyTorch did; int8 within one point, as the int8 item promises).
            int required = quantize is null ? DigitsSample.PyTorchCorrect : DigitsSample.PyTorchCorrect - heldOut.Count / 100;
            Assert.IsGreaterThanOrEqualTo(required, correct, $"{correct} of {heldOut.Count} held-out digits classified correctly");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The graph the compiler exported: the same import and pass pipeline (quantization included) run again.</summary>
    private static Aidge.Core.Graphs.Graph ExportedGraph(CompileOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var (model, inference) = ModelImport.Load(options, DigitsSample.ModelPath, diagnostics);
        OptimizeStep.Run(model, inference, options, DigitsSample.ModelPath, diagnostics);
        Assert.IsFalse(diagnostics.Any(d => d.Severity == Severity.Error), string.Join(Environment.NewLine, diagnostics));
        return model.Graph;
    }

    private static string Prefix(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Directory.GetFiles(folder, "*.aidge.json").Single()));
        return manifest.RootElement.GetProperty("symbolPrefix").GetString()!;
    }
}
