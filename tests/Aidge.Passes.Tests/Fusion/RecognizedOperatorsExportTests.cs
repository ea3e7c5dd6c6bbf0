using Aidge.Core.Operators.Aidge;
using Aidge.Export.Toolchain;
using Aidge.Onnx;
using Aidge.Passes.Fusion;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

/// <summary>
/// The ai.aidge LayerNormalization and Gelu that recognition produces, compiled by the OpenMP target: the generated
/// library must compute what the simulator computes on the rewritten graph, which computes what the original did.
/// </summary>
[TestClass]
public sealed class RecognizedOperatorsExportTests
{
    [TestMethod]
    public void GeneratedLibraryMatchesTheSimulator()
    {
        if (CCompilerLocator.Find(null, out _) is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the generated library cannot be built.");
        }
        var b = new ModelBuilder(opset: 13).Input("x", 2, 3, 16);
        string normalized = b.DecomposedLayerNorm("x", [16], epsilon: 1e-5f);
        string plain = b.DecomposedLayerNorm(b.ErfGelu(normalized), [3, 16], affine: false);
        b.Output(b.TanhGelu(plain));
        var optimized = PassTesting.AssertEquivalentAfter(b, [new RecognizeLayerNormalization(), new RecognizeGelu()], 1e-4, 1e-5);
        Assert.IsTrue(optimized.Graph.Nodes.All(n => n.Domain == AidgeDomain.Name), string.Join(", ", optimized.Graph.Nodes));
        Assert.HasCount(4, optimized.Graph.Nodes);

        var folder = Directory.CreateTempSubdirectory("aidge-recognized-");
        try
        {
            string modelPath = Path.Combine(folder.FullName, "recognized.onnx");
            ModelWriter.Save(optimized, modelPath);
            var library = GeneratedLibrary.Compile(modelPath, Path.Combine(folder.FullName, "out"));
            using var native = new NativeModel(library.Path, library.Prefix);
            b.Feeds["x"].Span<float>().CopyTo(native.Input(0));
            native.Run();

            var expected = PassTesting.Run(optimized, b.Feeds).Single().Span<float>().ToArray();
            var actual = native.Output(0).ToArray();
            Assert.HasCount(expected.Length, actual);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], 1e-5 + 1e-4 * Math.Abs(expected[i]), $"element {i}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
