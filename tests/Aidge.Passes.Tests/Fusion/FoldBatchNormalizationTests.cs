using Aidge.Passes.Fusion;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

[TestClass]
public sealed class FoldBatchNormalizationTests
{
    private static readonly FoldBatchNormalization Pass = new();

    [TestMethod]
    public void ConvWithoutBiasGetsScaledWeightsAndANewBias()
    {
        var b = new ModelBuilder().Input("x", 1, 3, 6, 6);
        string y = b.BatchNorm(b.Conv("x", 3, 4, 3), 4);
        b.Output(y);

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual(0, PassTesting.Count(optimized.Graph, "BatchNormalization"));
        var conv = optimized.Graph.Nodes.Single();
        Assert.AreEqual("Conv", conv.OpType);
        Assert.AreEqual(y, conv.Output(0)!.Name, "the graph output keeps its name");
        Assert.AreEqual(y, optimized.Graph.Outputs.Single().Name);
        CollectionAssert.AreEqual(new long[] { 4 }, conv.Input(2)!.Initializer!.Dims);
    }

    [TestMethod]
    public void ConvWithBiasKeepsItsBiasFolded()
    {
        var b = new ModelBuilder().Input("x", 1, 2, 5, 5)
            .RandomInitializer("w", 0.5f, 3, 2, 3, 3)
            .RandomInitializer("bias", 0.5f, 3)
            .Node("Conv", ["x", "w", "bias"], ["c"], ("strides", new long[] { 2, 2 }));
        b.Output(b.BatchNorm("c", 3));

        var (optimized, records) = PassTesting.Optimize(b, [Pass]);
        PassTesting.AssertSameOutputs(PassTesting.Import(b.ToBytes()), optimized, b.Feeds, 1e-5, 1e-6);

        Assert.AreEqual(1, records[0].Result.Rewrites);
        Assert.AreEqual(1, records[0].Result.NodesRemoved);
        // The old weight and bias and BN's four vectors go, a new weight and bias come: four vectors of 3 floats saved.
        Assert.AreEqual(4 * 3 * 4, records[0].Result.BytesSaved);
        Assert.AreEqual(2, optimized.Graph.Initializers.Count);
    }

    [TestMethod]
    public void GroupedConvTransposeScalesItsOutputChannelsInTheirWeightLayout()
    {
        // W is [C_in, C_out/group, k, k]: 4 input channels, 2 groups of 3 output channels each.
        var b = new ModelBuilder().Input("x", 1, 4, 3, 3)
            .RandomInitializer("w", 0.5f, 4, 3, 2, 2)
            .RandomInitializer("bias", 0.5f, 6)
            .Node("ConvTranspose", ["x", "w", "bias"], ["c"], ("group", 2L), ("strides", new long[] { 2, 2 }));
        b.Output(b.BatchNorm("c", 6));

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual(0, PassTesting.Count(optimized.Graph, "BatchNormalization"));
    }

    [TestMethod]
    [DataRow(0L)]
    [DataRow(1L)]
    public void GemmScalesTheColumnsOfBWhateverItsLayout(long transB)
    {
        long[] weightDims = transB == 1 ? [5, 4] : [4, 5];
        var b = new ModelBuilder().Input("x", 2, 4)
            .RandomInitializer("w", 0.5f, weightDims)
            .RandomInitializer("bias", 0.5f, 1, 5)
            .Node("Gemm", ["x", "w", "bias"], ["g"], ("transB", transB), ("alpha", 0.7f), ("beta", 1.3f));
        b.Output(b.BatchNorm("g", 5));

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        var gemm = optimized.Graph.Nodes.Single();
        Assert.AreEqual(1f, gemm.GetFloat("beta", 0f), "beta is folded into the new bias");
    }

    [TestMethod]
    public void GemmWithoutBiasGetsOne()
    {
        var b = new ModelBuilder().Input("x", 3, 4)
            .RandomInitializer("w", 0.5f, 4, 6)
            .Node("Gemm", ["x", "w"], ["g"]);
        b.Output(b.BatchNorm("g", 6));

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual(3, optimized.Graph.Nodes.Single().Inputs.Count);
    }

    [TestMethod]
    public void AConvOutputThatIsAlsoReadElsewhereIsNotFolded()
    {
        var b = new ModelBuilder().Input("x", 1, 2, 4, 4);
        string conv = b.Conv("x", 2, 2, 3);
        b.Output(b.Add(b.BatchNorm(conv, 2), conv));

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.AreEqual(1, PassTesting.Count(optimized.Graph, "BatchNormalization"));
    }

    [TestMethod]
    public void AConvOutputThatIsAGraphOutputIsNotFolded()
    {
        var b = new ModelBuilder().Input("x", 1, 2, 4, 4);
        string conv = b.Conv("x", 2, 2, 3);
        b.Output(b.BatchNorm(conv, 2)).Output(conv);

        var (optimized, records) = PassTesting.Optimize(b, [Pass]);

        Assert.IsFalse(records[0].Result.Changed);
        Assert.AreEqual(1, PassTesting.Count(optimized.Graph, "BatchNormalization"));
    }

    [TestMethod]
    public void ComputedStatisticsAreNotFolded()
    {
        var b = new ModelBuilder().Input("x", 1, 2, 4, 4).Input("mean", 2);
        string conv = b.Conv("x", 2, 2, 3);
        b.RandomInitializer("s", 1f, 2).RandomInitializer("o", 1f, 2).Initializer("v", [1f, 2f], 2)
            .Node("BatchNormalization", [conv, "s", "o", "mean", "v"], ["y"])
            .Output("y");

        var (_, records) = PassTesting.Optimize(b, [Pass]);

        Assert.IsFalse(records[0].Result.Changed);
    }

    [TestMethod]
    public void SharedWeightsStayForTheLayerThatStillReadsThem()
    {
        var b = new ModelBuilder().Input("x", 1, 2, 4, 4)
            .RandomInitializer("w", 0.5f, 2, 2, 3, 3)
            .Node("Conv", ["x", "w"], ["c1"])
            .Node("Conv", ["x", "w"], ["c2"]);
        b.Output(b.BatchNorm("c1", 2)).Output("c2");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        Assert.IsTrue(optimized.Graph.Initializers.Any(v => v.Name == "w"));
        Assert.AreEqual(3, optimized.Graph.Initializers.Count, "w for the second Conv, the folded weight and bias for the first");
    }

    [TestMethod]
    public void ResNetStyleNetworkLosesEveryBatchNormalization()
    {
        var b = NetworkBlocks.ResNetStyleNetwork(channels: 8, size: 8, blocks: 2);

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass], relativeTolerance: 1e-4, absoluteTolerance: 1e-5);

        Assert.AreEqual(0, PassTesting.Count(optimized.Graph, "BatchNormalization"));
        Assert.AreEqual(5, PassTesting.Count(optimized.Graph, "Conv"));
    }
}
