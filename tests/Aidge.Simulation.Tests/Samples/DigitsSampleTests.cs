using Aidge.Conformance;
using Aidge.Core.Tensors;
using Aidge.Testing;
using Digits;

namespace Aidge.Simulation.Tests.Samples;

/// <summary>
/// The Digits sample's committed model, checked before any generated code runs it: the simulator must classify the
/// held-out set exactly as PyTorch did when it trained the model, and agree with ONNX Runtime on every logit.
/// </summary>
[TestClass]
public sealed class DigitsSampleTests
{
    /// <summary>The held-out samples PyTorch classified correctly, as samples/Digits/training/train.py printed it (357/360).</summary>
    private const int PyTorchCorrect = 357;
    private const double Agreement = 1e-4;
    private const string InputName = "image";

    [TestMethod]
    public void SimulatorMatchesPyTorchAccuracyAndOnnxRuntimeLogits()
    {
        string folder = Path.Combine(ConformanceSuite.RepositoryRoot(), "samples", "Digits");
        byte[] model = File.ReadAllBytes(Path.Combine(folder, "digits.onnx"));
        var heldOut = HeldOutDigits.Load(Path.Combine(folder, "digits-test.bin"));
        var simulator = new SimulatorModel(model);
        using var options = OnnxRuntimeModel.ReferenceOptions();
        using var onnxRuntime = new OnnxRuntimeModel(model, options);

        int correct = 0;
        var disagreements = new List<string>();
        for (int i = 0; i < heldOut.Count; i++)
        {
            var feeds = new Dictionary<string, Tensor> { [InputName] = Tensor.FromArray(heldOut.Image(i).ToArray(), 1, 1, 8, 8) };
            var simulated = simulator.Run(feeds);
            var reference = onnxRuntime.Run(feeds);
            disagreements.AddRange(OracleComparison.Differences(reference, simulated, new Tolerance(Agreement, Agreement))
                .Select(d => $"sample {i}: {d}"));
            correct += HeldOutDigits.ArgMax(simulated[0].Span<float>()) == heldOut.Label(i) ? 1 : 0;
        }

        Assert.IsEmpty(disagreements, string.Join(Environment.NewLine, disagreements));
        Assert.AreEqual(PyTorchCorrect, correct, $"The simulator classified {correct}/{heldOut.Count} held-out digits correctly; PyTorch did {PyTorchCorrect}.");
    }
}
