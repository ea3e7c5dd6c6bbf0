using Aidge.Export.Toolchain;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The Digits sample's trained model through the OpenMP target, as the sample's build compiles it: the generated
/// library must classify the held-out set exactly as PyTorch did, and agree with ONNX Runtime on every logit.
/// </summary>
[TestClass]
public sealed class DigitsSampleCompileTests
{
    private const double Agreement = 1e-4;

    [TestMethod]
    public void GeneratedLibraryMatchesPyTorchAccuracyAndOnnxRuntimeLogits()
    {
        if (CCompilerLocator.Find(null, out _) is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the generated library cannot be built.");
        }
        var folder = Directory.CreateTempSubdirectory("aidge-digits-");
        try
        {
            var library = GeneratedLibrary.Compile(DigitsSample.ModelPath, folder.FullName);
            using var native = new NativeModel(library.Path, library.Prefix);
            native.SetThreads(1);

            var (correct, disagreements) = DigitsSample.Evaluate(native, Agreement);

            Assert.IsEmpty(disagreements, string.Join(Environment.NewLine, disagreements));
            Assert.AreEqual(DigitsSample.PyTorchCorrect, correct, $"The generated library classified {correct} held-out digits correctly; PyTorch did {DigitsSample.PyTorchCorrect}.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
