namespace Aidge.Generators.Tests;

[TestClass]
public sealed class GeneratedClassTests
{
    [TestMethod]
    public void OneInputOneOutputCompilesWithConstantsRunAndArrayOverload()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new TestManifest { Namespace = "MyApp" });

        outcome.AssertCompiles();
        string source = outcome.Source("MyApp.Digits.g.cs");
        StringAssert.Contains(source, "namespace MyApp");
        StringAssert.Contains(source, "public sealed unsafe partial class Digits : global::System.IDisposable");
        StringAssert.Contains(source, "public const int InputLength = 64;");
        StringAssert.Contains(source, "public static global::System.ReadOnlySpan<int> InputShape => new int[] { 1, 1, 8, 8 };");
        StringAssert.Contains(source, "public const int LogitsLength = 10;");
        StringAssert.Contains(source, "public void Run(global::System.ReadOnlySpan<float> input, global::System.Span<float> logits)");
        StringAssert.Contains(source, "public float[] Run(global::System.ReadOnlySpan<float> input)");
        StringAssert.Contains(source, "Parameters: 17,690.");
        StringAssert.Contains(source, "Multiply-accumulates per run: 123,456.");
        StringAssert.Contains(source, "not thread-safe: use one instance per thread");
        StringAssert.Contains(source, "Export(library, \"digits_set_threads\")");
    }

    [TestMethod]
    public void ManifestFactsBecomeConstantsAndAMissingFactNone()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new TestManifest());
        GeneratorOutcome withoutMacs = GeneratorHarness.Run(new TestManifest { Macs = null });

        outcome.AssertCompiles();
        withoutMacs.AssertCompiles();
        string[] constants =
        [
            "string SourceModel = \"digits.onnx\"", "string Producer = \"pytorch 1.13.1\"", "int Opset = 13",
            "string Target = \"openmp\"", "long ParameterCount = 17690", "long WeightBytes = 70760", "long MultiplyAccumulates = 123456",
        ];
        string source = outcome.Source("Digits.g.cs");
        foreach (string constant in constants)
        {
            StringAssert.Contains(source, $"public const {constant};");
        }
        Assert.DoesNotContain("MultiplyAccumulates", withoutMacs.Source("Digits.g.cs"));
    }

    [TestMethod]
    public void SeveralOutputsGetAnOutputsRecord()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new TestManifest
        {
            ClassName = "Detector",
            Inputs = [new("images", "float32", 1, 3, 4, 4), new("scale", "float32")],
            Outputs = [new("boxes", "float32", 1, 5, 4), new("scores", "float32", 1, 5), new("labels", "int64", 1, 5)],
        });

        outcome.AssertCompiles();
        string source = outcome.Source("Detector.g.cs");
        StringAssert.Contains(source, "public sealed record DetectorOutputs(float[] Boxes, float[] Scores, long[] Labels);");
        StringAssert.Contains(source, "public global::DetectorOutputs Run(global::System.ReadOnlySpan<float> images, global::System.ReadOnlySpan<float> scale)");
        StringAssert.Contains(source, "public const int ScaleLength = 1;");
        StringAssert.Contains(source, "public static global::System.ReadOnlySpan<int> ScaleShape => global::System.Array.Empty<int>();");
        StringAssert.Contains(source, "void** outputPointers = stackalloc void*[3];");
    }

    [TestMethod]
    public void EveryElementTypeMapsToItsCSharpType()
    {
        (string Onnx, string CSharp)[] types =
        [
            ("float32", "float"), ("float64", "double"), ("float16", "global::System.Half"), ("int8", "sbyte"),
            ("uint8", "byte"), ("int16", "short"), ("uint16", "ushort"), ("int32", "int"), ("uint32", "uint"),
            ("int64", "long"), ("uint64", "ulong"), ("bool", "bool"),
        ];
        GeneratorOutcome outcome = GeneratorHarness.Run(new TestManifest
        {
            Inputs = types.Select(t => new TestTensor("in_" + t.Onnx, t.Onnx, 2, 3)).ToArray(),
            Outputs = types.Select(t => new TestTensor("out_" + t.Onnx, t.Onnx, 6)).ToArray(),
        });

        outcome.AssertCompiles();
        string source = outcome.Source("Digits.g.cs");
        foreach ((string onnx, string csharp) in types)
        {
            string pascal = char.ToUpperInvariant(onnx[0]) + onnx[1..];
            StringAssert.Contains(source, $"global::System.ReadOnlySpan<{csharp}> in{pascal}");
            StringAssert.Contains(source, $"global::System.Span<{csharp}> out{pascal}");
            StringAssert.Contains(source, $"{csharp}[] Out{pascal}");
        }
    }

    [TestMethod]
    public void NamespaceComesFromTheManifestThenRootNamespaceThenGlobal()
    {
        (string, string)[] manifests =
        [
            ("/obj/a.aidge.json", new TestManifest { ClassName = "A", Namespace = "From.Manifest" }.ToJson()),
            ("/obj/b.aidge.json", new TestManifest { ClassName = "B" }.ToJson()),
        ];

        GeneratorOutcome rooted = GeneratorHarness.Run(manifests, rootNamespace: "My.App");
        GeneratorOutcome global = GeneratorHarness.Run(manifests);

        rooted.AssertCompiles();
        global.AssertCompiles();
        CollectionAssert.AreEquivalent(new[] { "From.Manifest.A.g.cs", "My.App.B.g.cs" }, rooted.HintNames.ToArray());
        CollectionAssert.AreEquivalent(new[] { "From.Manifest.A.g.cs", "B.g.cs" }, global.HintNames.ToArray());
        Assert.IsFalse(global.Source("B.g.cs").Contains("namespace", StringComparison.Ordinal));
    }

    [TestMethod]
    public void ClassNameFallsBackToThePascalCasedModelFileName()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            [("/obj/m.aidge.json", new TestManifest { ClassName = null, Model = "C:\\models\\mnist-classifier_v2.onnx" }.ToJson())]);

        outcome.AssertCompiles();
        CollectionAssert.AreEqual(new[] { "MnistClassifierV2.g.cs" }, outcome.HintNames.ToArray());
    }

    [TestMethod]
    public void GeneratedSourceIsDeterministic()
    {
        var manifest = new TestManifest { Outputs = [new("a", "float32", 2), new("b", "int32", 3)] };

        string first = GeneratorHarness.Run(manifest).Source("Digits.g.cs");
        string second = GeneratorHarness.Run(manifest).Source("Digits.g.cs");

        Assert.AreEqual(first, second);
        Assert.IsFalse(first.Contains('\r'), "line ends are \\n on every platform");
    }
}
