using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Aidge.Generators.Tests;

[TestClass]
public sealed class IncrementalTests
{
    private static readonly string[] Steps =
        [TrackingNames.Manifests, TrackingNames.Settings, TrackingNames.Plan, TrackingNames.Classes, TrackingNames.Diagnostics];

    [TestMethod]
    public void AnUnrelatedEditLeavesEveryStepCached()
    {
        var (driver, compilation) = FirstRun();

        CSharpCompilation edited = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("public static class Unrelated { }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in Steps)
        {
            IncrementalGeneratorRunStep[] runs = second.TrackedSteps[step].ToArray();
            Assert.AreNotEqual(0, runs.Length, step);
            foreach (var (_, reason) in runs.SelectMany(run => run.Outputs))
            {
                Assert.IsTrue(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
            }
        }

        foreach (var (_, reason) in second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs))
        {
            Assert.IsTrue(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output: {reason}");
        }
    }

    [TestMethod]
    public void EditingOneManifestReparsesItAndLeavesTheOtherCached()
    {
        var (driver, compilation) = FirstRun();
        AdditionalText replaced = new GeneratorHarness.InMemoryText("/obj/b.aidge.json", new TestManifest { ClassName = "B", Outputs = [new("y", "float32", 3)] }.ToJson());

        GeneratorRunResult second = driver
            .ReplaceAdditionalText(Manifests["/obj/b.aidge.json"], replaced)
            .RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] parses = second.TrackedSteps[TrackingNames.Manifests].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();
        CollectionAssert.AreEquivalent(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }, parses);
        IncrementalStepRunReason[] classes = second.TrackedSteps[TrackingNames.Classes].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();
        CollectionAssert.AreEquivalent(new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified }, classes);
    }

    [TestMethod]
    public void NoStepHoldsCompilationObjects()
    {
        var (driver, _) = FirstRun();

        var tracked = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (string step in Steps)
        {
            foreach (object value in tracked[step].SelectMany(run => run.Outputs).Select(output => output.Value))
            {
                Assert.IsFalse(value is Compilation or ISymbol or SyntaxNode, $"{step} holds a {value.GetType()}, which defeats caching");
            }
        }
    }

    private static readonly Dictionary<string, AdditionalText> Manifests = new()
    {
        ["/obj/a.aidge.json"] = new GeneratorHarness.InMemoryText("/obj/a.aidge.json", new TestManifest { ClassName = "A" }.ToJson()),
        ["/obj/b.aidge.json"] = new GeneratorHarness.InMemoryText("/obj/b.aidge.json", new TestManifest { ClassName = "B" }.ToJson()),
    };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation("public static class User { }");
        GeneratorDriver driver = GeneratorHarness.Driver(Manifests.Values).RunGenerators(compilation);
        Assert.AreEqual(2, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation);
    }
}
