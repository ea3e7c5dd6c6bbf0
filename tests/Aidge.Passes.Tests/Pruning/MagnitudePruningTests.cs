using Aidge.Core.Diagnostics;
using Aidge.Passes.Pruning;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Pruning;

[TestClass]
public sealed class MagnitudePruningTests
{
    /// <summary>Conv (8x3x3x3 = 216 weights) → Relu → Gemm over the flattened map (10 x 8·4·4 = 1280 weights).</summary>
    private static ModelBuilder Network() => new ModelBuilder(opset: 13).Input("x", 1, 3, 4, 4)
        .RandomInitializer("w1", 0.5f, 8, 3, 3, 3)
        .RandomInitializer("b1", 0.1f, 8)
        .RandomInitializer("w2", 0.2f, 10, 128)
        .Node("Conv", ["x", "w1", "b1"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
        .Node("Relu", ["c"], ["r"])
        .Node("Flatten", ["r"], ["f"])
        .Node("Gemm", ["f", "w2"], ["y"], ("transB", 1L))
        .Output("y");

    [TestMethod]
    public void RatioZeroChangesNothing()
    {
        var (optimized, records) = PassTesting.Optimize(Network(), [new MagnitudePruningPass()], PruningTesting.Context(0, PruneMode.Unstructured));

        Assert.IsFalse(records[0].Result.Changed);
        PassTesting.AssertSameOutputs(PassTesting.Import(Network().ToBytes()), optimized, Network().Feeds, 0, 0);
    }

    [TestMethod]
    public void ZeroesTheSmallestFractionOfEveryWeight()
    {
        var original = PassTesting.Import(Network().ToBytes()).Graph;
        var (optimized, records) = PassTesting.Optimize(Network(), [new MagnitudePruningPass()], PruningTesting.Context(0.5, PruneMode.Unstructured));

        Assert.AreEqual(108, PruningTesting.Zeros(optimized.Graph, "Conv_0", 1));
        Assert.AreEqual(640, PruningTesting.Zeros(optimized.Graph, "Gemm_3", 1));
        Assert.AreEqual(0, PruningTesting.Zeros(optimized.Graph, "Conv_0", 2), "biases are not pruned");
        var before = original.Nodes[0].Input(1)!.Initializer!;
        var after = optimized.Graph.Nodes[0].Input(1)!.Initializer!;
        double largestRemoved = Enumerable.Range(0, before.Length).Where(i => after.GetDouble(i) == 0).Max(i => Math.Abs(before.GetDouble(i)));
        double smallestKept = Enumerable.Range(0, before.Length).Where(i => after.GetDouble(i) != 0).Min(i => Math.Abs(before.GetDouble(i)));
        Assert.IsLessThan(smallestKept, largestRemoved);
        Assert.IsTrue(Enumerable.Range(0, before.Length).All(i => after.GetDouble(i) == 0 || after.GetDouble(i) == before.GetDouble(i)));

        var result = records[0].Result;
        Assert.AreEqual(2, result.Rewrites);
        Assert.AreEqual(0, result.BytesSaved);
        Assert.IsTrue(result.Notes.Any(n => n.Contains("Conv 'Conv_0': 108 of 216 weights are zero (50.0% sparse)", StringComparison.Ordinal)), string.Join("\n", result.Notes));
        Assert.IsTrue(result.Notes.Any(n => n.Contains("no bytes saved", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void PerLayerRatiosOverrideTheModelWide()
    {
        var context = PruningTesting.Context(0.5, PruneMode.Unstructured, ("Conv_0", 0.25), ("Gemm_3", 0), ("conv9", 0.1));

        var (optimized, _) = PassTesting.Optimize(Network(), [new MagnitudePruningPass()], context);

        Assert.AreEqual(54, PruningTesting.Zeros(optimized.Graph, "Conv_0", 1));
        Assert.AreEqual(0, PruningTesting.Zeros(optimized.Graph, "Gemm_3", 1));
        var warning = context.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.PruneLayerNotFound, warning.Code);
        StringAssert.Contains(warning.Message, "'conv9'");
    }

    [TestMethod]
    public void RatiosOutsideZeroToOneAreRejected()
    {
        var error = Assert.ThrowsExactly<AidgeException>(() =>
            PassTesting.Optimize(Network(), [new MagnitudePruningPass()], PruningTesting.Context(0.5, PruneMode.Unstructured, ("Conv_0", 1.5))));

        StringAssert.Contains(error.Diagnostic.Message, "The pruning ratio of layer 'Conv_0' is 1.5");
        StringAssert.Contains(error.Diagnostic.Message, "between 0 and 1");
    }

    [TestMethod]
    public void SharedWeightsArePrunedPerReader()
    {
        // Two convolutions read the same weight; only the first is pruned, the second keeps the dense weight.
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 4, 3, 3)
            .RandomInitializer("w", 0.5f, 4, 4, 1, 1)
            .Node("Conv", ["x", "w"], ["a"])
            .Node("Conv", ["a", "w"], ["y"])
            .Output("y");

        var (optimized, _) = PassTesting.Optimize(builder, [new MagnitudePruningPass()], PruningTesting.Context(0.5, PruneMode.Unstructured, ("Conv_1", 0)));

        Assert.AreEqual(8, PruningTesting.Zeros(optimized.Graph, "Conv_0", 1));
        Assert.AreEqual(0, PruningTesting.Zeros(optimized.Graph, "Conv_1", 1));
        Assert.AreEqual("w", optimized.Graph.Nodes[1].Input(1)!.Name);
    }
}
