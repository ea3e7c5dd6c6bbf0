using Microsoft.CodeAnalysis;

namespace Aidge.Generators.Tests;

[TestClass]
public sealed class DiagnosticTests
{
    [TestMethod]
    public void MalformedJsonIsReportedAtItsPositionInTheManifest()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run([("/obj/bad.aidge.json", "{\n  \"format\": 1,\n  \"inputs\": [1, 2\n}")]);

        Diagnostic diagnostic = outcome.GeneratorDiagnostics.Single();
        Assert.AreEqual("AIDGE5020", diagnostic.Id);
        Assert.AreEqual(DiagnosticSeverity.Error, diagnostic.Severity);
        FileLinePositionSpan position = diagnostic.Location.GetLineSpan();
        Assert.AreEqual("/obj/bad.aidge.json", position.Path);
        Assert.AreEqual(3, position.StartLinePosition.Line);
        StringAssert.Contains(diagnostic.GetMessage(), "/obj/bad.aidge.json");
        StringAssert.Contains(diagnostic.GetMessage(), "expected ','");
        Assert.AreEqual(0, outcome.HintNames.Count);
    }

    [TestMethod]
    [DataRow("", "unexpected end of the file")]
    [DataRow("{\"a\": 1, \"a\": 2}", "appears twice")]
    [DataRow("{\"a\": \"\\q\"}", "invalid escape sequence")]
    [DataRow("{} x", "unexpected text after the end")]
    [DataRow("[01]", "expected ',' but found '1'")]
    [DataRow("{\"a\": tru}", "unexpected character")]
    public void EveryKindOfSyntaxErrorIsAnAidge5020(string json, string detail)
    {
        Diagnostic diagnostic = GeneratorHarness.Run([("/obj/x.aidge.json", json)]).GeneratorDiagnostics.Single();

        Assert.AreEqual("AIDGE5020", diagnostic.Id);
        StringAssert.Contains(diagnostic.GetMessage(), detail);
    }

    [TestMethod]
    public void AMissingOrMistypedPropertyIsAnAidge5021NamingIt()
    {
        string noLibrary = new TestManifest().ToJson().Replace("\"library\"", "\"libraryX\"", StringComparison.Ordinal);
        string badShape = new TestManifest { Outputs = [new("y", "float32", 2, -1)] }.ToJson();
        string pathLibrary = new TestManifest { Library = "../evil.so" }.ToJson();

        GeneratorOutcome outcome = GeneratorHarness.Run([("/obj/a.aidge.json", noLibrary), ("/obj/b.aidge.json", badShape), ("/obj/c.aidge.json", pathLibrary)]);

        string[] messages = outcome.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().Path).Select(d => d.Id + " " + d.GetMessage()).ToArray();
        Assert.AreEqual(3, messages.Length, string.Join("\n", messages));
        StringAssert.Contains(messages[0], "AIDGE5021 The Aidge manifest '/obj/a.aidge.json' is invalid: the manifest has no property \"library\"");
        StringAssert.Contains(messages[1], "\"outputs[0].shape\" must hold non-negative dimensions");
        StringAssert.Contains(messages[2], "\"library\" must be a file name without a directory");
    }

    [TestMethod]
    public void AnotherFormatVersionIsAnAidge5022()
    {
        string json = new TestManifest().ToJson().Replace("\"format\": 1", "\"format\": 2", StringComparison.Ordinal);

        Diagnostic diagnostic = GeneratorHarness.Run([("/obj/x.aidge.json", json)]).GeneratorDiagnostics.Single();

        Assert.AreEqual("AIDGE5022", diagnostic.Id);
        StringAssert.Contains(diagnostic.GetMessage(), "has format 2");
    }

    [TestMethod]
    public void UnsupportedElementTypesAreReportedPerTensorAndNoClassIsEmitted()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(new TestManifest
        {
            Inputs = [new("x", "bfloat16", 4), new("s", "string", 1)],
        });

        string[] messages = outcome.GeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage()).ToArray();
        Assert.AreEqual(2, messages.Length);
        StringAssert.Contains(messages[0], "AIDGE5023 The input 'x' of the model in '/obj/aidge/Digits/Digits.aidge.json' has element type 'bfloat16'");
        StringAssert.Contains(messages[1], "'string'");
        Assert.AreEqual(0, outcome.HintNames.Count);
    }

    [TestMethod]
    public void TensorsLargerThanASpanAreAnAidge5027()
    {
        Diagnostic diagnostic = GeneratorHarness.Run(new TestManifest { Outputs = [new("y", "float32", 65536, 65536)] }).GeneratorDiagnostics.Single();

        Assert.AreEqual("AIDGE5027", diagnostic.Id, diagnostic.GetMessage());
        StringAssert.Contains(diagnostic.GetMessage(), "[65536, 65536]");
    }

    [TestMethod]
    public void TwoModelsWithOneClassNameAreAnAidge5024NamingBothFiles()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            [
                ("/obj/one/digits.aidge.json", new TestManifest { ClassName = null, Model = "/a/digits.onnx" }.ToJson()),
                ("/obj/two/digits.aidge.json", new TestManifest { ClassName = "Digits" }.ToJson()),
            ],
            rootNamespace: "App");

        Diagnostic diagnostic = outcome.GeneratorDiagnostics.Single();
        Assert.AreEqual("AIDGE5024", diagnostic.Id);
        Assert.AreEqual(
            "The models of '/obj/one/digits.aidge.json' and '/obj/two/digits.aidge.json' would both generate the type 'App.Digits'; set a different ClassName (or Namespace) on one of the AidgeModel items",
            diagnostic.GetMessage());
        Assert.AreEqual("/obj/two/digits.aidge.json", diagnostic.Location.GetLineSpan().Path);
        CollectionAssert.AreEqual(new[] { "App.Digits.g.cs" }, outcome.HintNames.ToArray());
    }

    [TestMethod]
    public void AnOutputsRecordCollidingWithAnotherModelsClassIsADuplicate()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(
            new TestManifest { ClassName = "Net", Outputs = [new("a", "float32", 1), new("b", "float32", 1)] },
            new TestManifest { ClassName = "NetOutputs" });

        Assert.AreEqual("AIDGE5024", outcome.GeneratorDiagnostics.Single().Id);
    }

    [TestMethod]
    public void WithoutAllowUnsafeBlocksTheUserIsToldToSetIt()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run([("/obj/d.aidge.json", new TestManifest().ToJson())], allowUnsafe: false);

        Diagnostic diagnostic = outcome.GeneratorDiagnostics.Single();
        Assert.AreEqual("AIDGE5025", diagnostic.Id);
        StringAssert.Contains(diagnostic.GetMessage(), "<AllowUnsafeBlocks>true</AllowUnsafeBlocks>");
        Assert.AreEqual(0, outcome.HintNames.Count);
    }

    [TestMethod]
    public void OnlyMarkedOrAidgeJsonFilesAreManifests()
    {
        var files = new Microsoft.CodeAnalysis.AdditionalText[]
        {
            new GeneratorHarness.InMemoryText("/obj/marked.json", new TestManifest { ClassName = "Marked" }.ToJson()),
            new GeneratorHarness.InMemoryText("/obj/optout.aidge.json", new TestManifest { ClassName = "OptOut" }.ToJson()),
            new GeneratorHarness.InMemoryText("/obj/named.aidge.json", new TestManifest { ClassName = "Named" }.ToJson()),
            new GeneratorHarness.InMemoryText("/obj/other.json", "not json at all"),
        };
        var metadata = new Dictionary<string, string> { ["/obj/marked.json"] = "true", ["/obj/optout.aidge.json"] = "false" };

        GeneratorDriverRunResult result = GeneratorHarness.Driver(files, fileMetadata: metadata)
            .RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.AreEqual(0, result.Diagnostics.Length);
        CollectionAssert.AreEquivalent(new[] { "Marked.g.cs", "Named.g.cs" }, result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToArray());
    }
}
