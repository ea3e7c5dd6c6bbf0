namespace Aidge.Generators.Tests;

[TestClass]
public sealed class NamingTests
{
    [TestMethod]
    public void NastyNamesStillCompile()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            [("/obj/class.aidge.json", new TestManifest
            {
                ClassName = "class",
                Namespace = "namespace.2nd.ok-ish",
                Model = "/models/evil */ \"model\"\n.onnx",
                Inputs =
                [
                    new("class", "float32", 1), new("*/", "float32", 1), new("a\"b\\c", "float32", 1),
                    new("line\nbreak\u2028sep", "float32", 1), new("画像", "float32", 1), new("0", "float32", 1),
                    new("1st", "float32", 1), new("x.1", "float32", 1), new("x:0", "float32", 1), new("", "float32", 1),
                    new("Run", "float32", 1), new("status", "float32", 1), new("ClassLength", "float32", 1),
                    new("\ud800lone", "float32", 1), new("</summary><!--", "float32", 1),
                ],
                Outputs = [new("StatefulPartitionedCall/dense_2/Softmax:0", "float32", 1, 10), new("23", "float32", 1), new("Class", "float32", 1)],
            }.ToJson().Replace("\\uFFFDlone", "\\uD800lone", StringComparison.Ordinal))]);

        outcome.AssertCompiles();
        string source = outcome.Single();
        StringAssert.Contains(source, "namespace @namespace._2nd.ok_ish");
        StringAssert.Contains(source, "public sealed unsafe partial class Class ");
        StringAssert.Contains(source, "global::System.ReadOnlySpan<float> classTensor,");
        StringAssert.Contains(source, "global::System.ReadOnlySpan<float> 画像,");
        StringAssert.Contains(source, "global::System.ReadOnlySpan<float> input0,");
        StringAssert.Contains(source, "global::System.ReadOnlySpan<float> input1st,");
        StringAssert.Contains(source, "global::System.ReadOnlySpan<float> x,");
        StringAssert.Contains(source, "global::System.ReadOnlySpan<float> x2,");
        StringAssert.Contains(source, "global::System.Span<float> softmax,");
        StringAssert.Contains(source, "global::System.Span<float> output23,");
        StringAssert.Contains(source, "ONNX name <c>StatefulPartitionedCall/dense_2/Softmax:0</c>");
        StringAssert.Contains(source, "ONNX name <c>line\\u000Abreak\\u2028sep</c>");
        StringAssert.Contains(source, "ONNX name <c>&lt;/summary&gt;&lt;!--</c>");
        StringAssert.Contains(source, "ONNX name <c>a&quot;b\\c</c>");
        StringAssert.Contains(source, "global::System.ReadOnlySpan<float> aBC,");
        // A lone surrogate is invalid in XML and UTF-8: the doc shows it escaped.
        StringAssert.Contains(source, "ONNX name <c>\\uD800lone</c>");
    }

    [TestMethod]
    public void DigitsFirstAndKeywordClassNamesBecomeIdentifiers()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            [
                ("/obj/a.aidge.json", new TestManifest { ClassName = null, Model = "/m/3d-unet.onnx", SymbolPrefix = "a" }.ToJson()),
                ("/obj/b.aidge.json", new TestManifest { ClassName = null, Model = "/m/**.onnx", SymbolPrefix = "b" }.ToJson()),
            ]);

        outcome.AssertCompiles();
        CollectionAssert.AreEquivalent(new[] { "Model3dUnet.g.cs", "Model.g.cs" }, outcome.HintNames.ToArray());
    }

    [TestMethod]
    public void ClassesDifferingOnlyInCaseGetDistinctFiles()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new TestManifest { ClassName = "Digits" }, new TestManifest { ClassName = "DIGITS" });

        outcome.AssertCompiles();
        Assert.AreEqual(2, outcome.HintNames.Count);
        Assert.AreEqual(2, outcome.HintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [TestMethod]
    public void UnicodeClassNamesAreKeptAndTheManifestNameIsTheLastFallback()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            [
                ("/obj/u.aidge.json", new TestManifest { ClassName = "数字モデル", SymbolPrefix = "u" }.ToJson()),
                ("/obj/tiny-yolo.aidge.json", new TestManifest { ClassName = null, Model = "", SymbolPrefix = "t" }.ToJson()),
            ]);

        outcome.AssertCompiles();
        CollectionAssert.AreEquivalent(new[] { "数字モデル.g.cs", "TinyYolo.g.cs" }, outcome.HintNames.ToArray());
    }

    [TestMethod]
    [DataRow("serving_default_input_1:0", "servingDefaultInput1", "ServingDefaultInput1")]
    [DataRow("IMAGE_INPUT", "imageInput", "ImageInput")]
    [DataRow("HTTPServer", "httpServer", "HttpServer")]
    [DataRow("model/conv2d_3/BiasAdd", "biasAdd", "BiasAdd")]
    [DataRow("onnx::Gemm_12", "gemm12", "Gemm12")]
    [DataRow("out", "outTensor", "OutTensor")]
    [DataRow("value", "valueTensor", "ValueTensor")]
    [DataRow("7", "input7", "Input7")]
    public void TensorNamesAreShortAndIdiomatic(string onnxName, string parameterName, string propertyName)
    {
        var namer = new Naming.TensorNamer("Model");

        Assert.AreEqual((parameterName, propertyName), namer.Name(onnxName, "input"));
    }

    [TestMethod]
    public void CollisionsAreNumberedInGraphOrderWithASeparatorAfterDigits()
    {
        var namer = new Naming.TensorNamer("Model");

        string[] names = new[] { "conv1", "a/conv1", "logits", "logits:0", "logits.1" }
            .Select(name => namer.Name(name, "output").ParameterName)
            .ToArray();

        CollectionAssert.AreEqual(new[] { "conv1", "conv1_2", "logits", "logits2", "logits3" }, names);
    }
}
