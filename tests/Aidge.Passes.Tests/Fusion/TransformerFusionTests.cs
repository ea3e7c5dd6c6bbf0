using Aidge.Core.Operators.Aidge;
using Aidge.Passes.Fusion;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

/// <summary>The fusion passes together on graphs the size of real layers: a BERT-style encoder and a ResNet-style network.</summary>
[TestClass]
public sealed class TransformerFusionTests
{
    /// <summary>This helper's passes, in their O2 order.</summary>
    private static readonly IPass[] FusionPasses =
    [
        new FoldBatchNormalization(), new FoldScaleShift(), new FoldPad(), new MatMulAddToGemm(), new RecognizeLayerNormalization(), new RecognizeGelu(),
    ];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void BertEncoderKeepsOneNodePerLayerNormAndGelu()
    {
        const int Layers = 2;
        var b = TransformerBlocks.BertEncoder(Layers);
        int before = PassTesting.Import(b.ToBytes()).Graph.Nodes.Count;

        var optimized = PassTesting.AssertEquivalentAfter(b, FusionPasses, relativeTolerance: 1e-4, absoluteTolerance: 1e-5);

        int after = optimized.Graph.Nodes.Count;
        TestContext.WriteLine($"BERT-style encoder, {Layers} layers: {before} nodes before the fusion passes, {after} after.");
        var graph = optimized.Graph;
        Assert.AreEqual(2 * Layers, graph.Nodes.Count(n => n is { OpType: "LayerNormalization", Domain: AidgeDomain.Name }));
        Assert.AreEqual(Layers, graph.Nodes.Count(n => n is { OpType: "Gelu", Domain: AidgeDomain.Name }));
        foreach (string decomposed in new[] { "ReduceMean", "Pow", "Sqrt", "Erf" })
        {
            Assert.AreEqual(0, PassTesting.Count(graph, decomposed), decomposed);
        }
        // A LayerNorm chain is 11 nodes (two of them Constants), a GELU chain 8 (three Constants). The MatMuls of the six
        // projections and of attention are 3-D and 4-D, which Gemm cannot take: they stay.
        Assert.AreEqual(before - Layers * (2 * 10 + 7), after);
        Assert.AreEqual(8 * Layers, PassTesting.Count(graph, "MatMul"));
    }

    [TestMethod]
    public void LevelTwoLeavesTheEncoderItsAttentionAndOneNodePerRecognizedOperator()
    {
        const int Layers = 2;
        var b = TransformerBlocks.BertEncoder(Layers);
        int before = PassTesting.Import(b.ToBytes()).Graph.Nodes.Count;

        var optimized = PassTesting.AssertEquivalentAfter(b, PipelineBuilder.Build("O2", PassTesting.Context()), relativeTolerance: 1e-4, absoluteTolerance: 1e-5);

        var graph = optimized.Graph;
        TestContext.WriteLine($"BERT-style encoder, {Layers} layers: {before} nodes before O2, {graph.Nodes.Count} after: "
            + string.Join(", ", graph.Nodes.GroupBy(n => n.OpType).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        Assert.AreEqual(2 * Layers, PassTesting.Count(graph, "LayerNormalization"));
        Assert.AreEqual(Layers, PassTesting.Count(graph, "Gelu"));
        Assert.AreEqual(0, PassTesting.Count(graph, "Constant"));
    }

    [TestMethod]
    public void ResNetStyleNetworkKeepsOnlyItsConvolutionsAndActivations()
    {
        var b = NetworkBlocks.ResNetStyleNetwork(channels: 8, size: 8, blocks: 2);

        var optimized = PassTesting.AssertEquivalentAfter(b, FusionPasses, relativeTolerance: 1e-4, absoluteTolerance: 1e-5);

        CollectionAssert.AreEquivalent(new[] { "Conv", "Relu", "Add" }, optimized.Graph.Nodes.Select(n => n.OpType).Distinct().ToArray());
    }

    [TestMethod]
    public void OptimizationLevelTwoRunsThesePassesInOrder()
    {
        var o2 = OptimizationLevels.PassesOf("O2");
        var positions = FusionPasses.Select(p => o2.ToList().IndexOf(p.Name)).ToList();

        Assert.IsTrue(positions.All(i => i >= 0), string.Join(", ", o2));
        CollectionAssert.AreEqual(positions.Order().ToList(), positions);
        foreach (var pass in FusionPasses)
        {
            Assert.AreSame(pass.GetType(), PassRegistry.Default.Get(pass.Name).GetType());
        }
    }
}
