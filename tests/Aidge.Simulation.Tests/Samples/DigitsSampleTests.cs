using Aidge.Testing;

namespace Aidge.Simulation.Tests.Samples;

/// <summary>
/// The Digits sample's committed model, checked before any generated code runs it: the simulator must classify the
/// held-out set exactly as PyTorch did when it trained the model, and agree with ONNX Runtime on every logit.
/// </summary>
[TestClass]
public sealed class DigitsSampleTests
{
    private const double Agreement = 1e-4;

    [TestMethod]
    public void SimulatorMatchesPyTorchAccuracyAndOnnxRuntimeLogits()
    {
        var simulator = new SimulatorModel(File.ReadAllBytes(DigitsSample.ModelPath));

        var (correct, disagreements) = DigitsSample.Evaluate(image => simulator.Run(DigitsSample.Feeds(image))[0].Span<float>().ToArray(), Agreement);

        Assert.IsEmpty(disagreements, string.Join(Environment.NewLine, disagreements));
        Assert.AreEqual(DigitsSample.PyTorchCorrect, correct, $"The simulator classified {correct} held-out digits correctly; PyTorch did {DigitsSample.PyTorchCorrect}.");
    }
}
