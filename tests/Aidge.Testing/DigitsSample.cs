using Aidge.Conformance;
using Aidge.Core.Tensors;
using Digits;

namespace Aidge.Testing;

/// <summary>The Digits sample's committed model and held-out set (samples/Digits), and what PyTorch made of them.</summary>
public static class DigitsSample
{
    /// <summary>The held-out samples PyTorch classified correctly, as samples/Digits/training/train.py printed it (357/360).</summary>
    public const int PyTorchCorrect = 357;

    private const string InputName = "image";

    public static string Folder => Path.Combine(ConformanceSuite.RepositoryRoot(), "samples", "Digits");

    public static string ModelPath => Path.Combine(Folder, "digits.onnx");

    public static HeldOutDigits LoadHeldOut() => HeldOutDigits.Load(Path.Combine(Folder, "digits-test.bin"));

    /// <summary>
    /// Classifies every held-out image with <paramref name="logitsOf"/> (an engine under test: image in, logits out)
    /// and with ONNX Runtime (each node as the spec states it, one thread).
    /// </summary>
    /// <returns>How many images the engine classified correctly, and every logit that differs from ONNX Runtime's
    /// by more than <paramref name="tolerance"/> (relative and absolute).</returns>
    public static (int Correct, IReadOnlyList<string> Disagreements) Evaluate(Func<float[], float[]> logitsOf, double tolerance)
    {
        var heldOut = LoadHeldOut();
        using var options = OnnxRuntimeModel.ReferenceOptions();
        using var onnxRuntime = new OnnxRuntimeModel(File.ReadAllBytes(ModelPath), options);
        int correct = 0;
        var disagreements = new List<string>();
        for (int i = 0; i < heldOut.Count; i++)
        {
            float[] image = heldOut.Image(i).ToArray();
            float[] logits = logitsOf(image);
            var reference = onnxRuntime.Run(Feeds(image));
            disagreements.AddRange(OracleComparison.Differences(reference, [Tensor.FromArray(logits, 1, HeldOutDigits.Classes)], new Tolerance(tolerance, tolerance))
                .Select(d => $"sample {i}: {d}"));
            correct += HeldOutDigits.ArgMax(logits) == heldOut.Label(i) ? 1 : 0;
        }
        return (correct, disagreements);
    }

    /// <summary><see cref="Evaluate(Func{float[], float[]}, double)"/> of a generated library (any target) run through its C ABI.</summary>
    public static (int Correct, IReadOnlyList<string> Disagreements) Evaluate(NativeModel native, double tolerance) => Evaluate(image =>
    {
        image.CopyTo(native.Input(0));
        native.Run();
        return native.Output(0).ToArray();
    }, tolerance);

    /// <summary>The model's feeds for one image, as the simulator and ONNX Runtime take them.</summary>
    public static IReadOnlyDictionary<string, Tensor> Feeds(float[] image) =>
        new Dictionary<string, Tensor> { [InputName] = Tensor.FromArray(image, 1, 1, 8, 8) };
}
