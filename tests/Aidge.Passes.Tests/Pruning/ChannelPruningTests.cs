using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Pruning;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Pruning;

[TestClass]
public sealed class ChannelPruningTests
{
    [TestMethod]
    public void RatioZeroChangesNothing()
    {
        var builder = MobileNetStyle();
        var (optimized, records) = PassTesting.Optimize(builder, [new ChannelPruningPass()], PruningTesting.Context(0, PruneMode.Channel));

        Assert.IsFalse(records[0].Result.Changed);
        PassTesting.AssertSameOutputs(PassTesting.Import(builder.ToBytes()), optimized, builder.Feeds, 0, 0);
    }

    [TestMethod]
    public void RemovingChannelsThatComputeZeroKeepsEveryOutput()
    {
        // The lowest-L1 channels of each layer are exactly zero (weights and bias), and every node on their way maps zero
        // to zero, so removing them changes no output: this checks that every consumer was rewritten consistently.
        var builder = ZeroChannelNetwork();
        var context = PruningTesting.Context(0, PruneMode.Channel, ("Conv_0", 3.0 / 8 + 0.01), ("Conv_6", 2.0 / 6 + 0.01), ("Gemm_10", 0.5));

        var (optimized, records) = PassTesting.Optimize(builder, [new ChannelPruningPass()], context);

        var graph = optimized.Graph;
        CollectionAssert.AreEqual(new long[] { 5, 3, 3, 3 }, Weight(graph, "Conv_0").Dims);
        CollectionAssert.AreEqual(new long[] { 5, 1, 3, 3 }, Weight(graph, "Conv_4").Dims, "depthwise filters");
        Assert.AreEqual(5, graph.Nodes.Single(n => n.Name == "Conv_4").GetInt("group", 0));
        CollectionAssert.AreEqual(new long[] { 4, 5, 1, 1 }, Weight(graph, "Conv_6").Dims, "input channels of the next convolution, then its own output channels");
        CollectionAssert.AreEqual(new long[] { 6, 16 }, Weight(graph, "Gemm_10").Dims, "Gemm rows: 4 channels of 2x2 after Flatten; 6 of 12 outputs");
        CollectionAssert.AreEqual(new long[] { 3, 6 }, Weight(graph, "Gemm_12").Dims);
        Assert.AreEqual(3, records[0].Result.Rewrites);
        PassTesting.AssertSameOutputs(PassTesting.Import(builder.ToBytes()), optimized, builder.Feeds, 1e-6, 1e-7);
    }

    [TestMethod]
    public void FusedLayersAfterO2ArePrunedTheSameWay()
    {
        // O2 folds the BatchNormalization into the first convolution and fuses the activations (FusedConv, FusedGemm);
        // the pipeline builder then appends prune-channels, which must see through the fused forms.
        var builder = ZeroChannelNetwork();
        var context = PruningTesting.Context(0, PruneMode.Channel, ("Conv_0", 3.0 / 8 + 0.01), ("Conv_6", 2.0 / 6 + 0.01), ("Gemm_10", 0.5));

        var (optimized, records) = PassTesting.Optimize(builder, PipelineBuilder.Build("O2", context), context);

        var graph = optimized.Graph;
        Assert.AreEqual("prune-channels", records[^1].Pass);
        Assert.IsTrue(graph.Nodes.Any(n => n.OpType == "FusedConv") && graph.Nodes.Any(n => n.OpType == "FusedGemm"));
        CollectionAssert.AreEqual(new long[] { 5, 3, 3, 3 }, Weight(graph, "Conv_0").Dims);
        CollectionAssert.AreEqual(new long[] { 5, 1, 3, 3 }, Weight(graph, "Conv_4").Dims);
        CollectionAssert.AreEqual(new long[] { 4, 5, 1, 1 }, Weight(graph, "Conv_6").Dims);
        CollectionAssert.AreEqual(new long[] { 6, 16 }, Weight(graph, "Gemm_10").Dims);
        CollectionAssert.AreEqual(new long[] { 3, 6 }, Weight(graph, "Gemm_12").Dims);
        PassTesting.AssertSameOutputs(PassTesting.Import(builder.ToBytes()), optimized, builder.Feeds, 1e-5, 1e-6);
    }

    [TestMethod]
    public void ParametersAndMacsDropAsExpected()
    {
        // Conv 3→8 (3x3) → Relu → Conv 8→4 (3x3), 6x6 maps: half of conv1's channels go, with conv2's input channels.
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 3, 6, 6)
            .RandomInitializer("w1", 0.5f, 8, 3, 3, 3).RandomInitializer("b1", 0.1f, 8)
            .RandomInitializer("w2", 0.5f, 4, 8, 3, 3).RandomInitializer("b2", 0.1f, 4)
            .Node("Conv", ["x", "w1", "b1"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Relu", ["c"], ["r"])
            .Node("Conv", ["r", "w2", "b2"], ["y"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Output("y");
        var original = PassTesting.Import(builder.ToBytes()).Graph;

        var (optimized, records) = PassTesting.Optimize(builder, [new ChannelPruningPass()], PruningTesting.Context(0.5, PruneMode.Channel));

        Assert.AreEqual(216 + 8 + 288 + 4, PruningTesting.Parameters(original));
        Assert.AreEqual(108 + 4 + 144 + 4, PruningTesting.Parameters(optimized.Graph));
        Assert.AreEqual(256 * 4, records[0].Result.BytesSaved);
        Assert.AreEqual(36L * 8 * 27 + 36L * 4 * 72, MacCounter.Total(original));
        Assert.AreEqual(36L * 4 * 27 + 36L * 4 * 36, MacCounter.Total(optimized.Graph));
        CollectionAssert.AreEqual(new long[] { 1, 4, 6, 6 }, optimized.Graph.Find("r")!.Shape!.ToArray());
        StringAssert.Contains(records[0].Result.Notes[0], "Conv 'Conv_0': removed 4 of 8 channels (256 parameters)");
        StringAssert.Contains(string.Join("\n", records[0].Result.Notes), "Skipped Conv 'Conv_2': its channels reach graph output 'y'");
    }

    [TestMethod]
    public void ResidualBranchesArePrunedTogether()
    {
        // Stem and each block's second convolution write the same residual channels: one group, one set of channels.
        var builder = new ModelBuilder(opset: 13).Input("image", 1, 3, 8, 8);
        string x = builder.Relu(builder.BatchNorm(builder.Conv("image", 3, 8, 3), 8));
        x = builder.ResNetBasicBlock(x, 8);
        x = builder.ResNetBasicBlock(x, 8);
        builder.Output(builder.Conv(x, 8, 4, 1));

        var (optimized, records) = PassTesting.Optimize(builder, [new ChannelPruningPass()], PruningTesting.Context(0.5, PruneMode.Channel));

        var convs = optimized.Graph.Nodes.Where(n => n.OpType == "Conv").Select(n => Weight(optimized.Graph, n.Name).Dims).ToList();
        CollectionAssert.AreEqual(new long[] { 4, 3, 3, 3 }, convs[0], "stem");
        CollectionAssert.AreEqual(new long[] { 4, 4, 3, 3 }, convs[1], "block 1, first conv: both its groups halved");
        CollectionAssert.AreEqual(new long[] { 4, 4, 3, 3 }, convs[2]);
        CollectionAssert.AreEqual(new long[] { 4, 4, 1, 1 }, convs[^1], "the head reads the pruned residual channels");
        StringAssert.Contains(records[0].Result.Notes[0], "Conv 'Conv_0' and 2 coupled layers: removed 4 of 8 channels");
        var outputs = PassTesting.Run(optimized, builder.Feeds);
        CollectionAssert.AreEqual(new long[] { 1, 4, 8, 8 }, outputs[0].Dims);
    }

    [TestMethod]
    public void StructuresThatCannotBeRewrittenAreSkippedWithAReason()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 4, 4, 4)
            .RandomInitializer("w_concat", 0.5f, 4, 4, 1, 1)
            .RandomInitializer("w_reshape", 0.5f, 4, 4, 1, 1)
            .RandomInitializer("w_residual", 0.5f, 4, 4, 1, 1)
            .Initializer("shape", new long[] { 1, 4, 16 }, 3)
            .Node("Conv", ["x", "w_concat"], ["a"])
            .Node("Concat", ["a", "x"], ["cat"], ("axis", 1L))
            .Node("Conv", ["x", "w_reshape"], ["b"])
            .Node("Reshape", ["b", "shape"], ["flat"])
            .Node("Conv", ["x", "w_residual"], ["c"])
            .Node("Add", ["c", "x"], ["sum"])
            .Output("cat").Output("flat").Output("sum");

        var (optimized, records) = PassTesting.Optimize(builder, [new ChannelPruningPass()], PruningTesting.Context(0.5, PruneMode.Channel));

        var notes = records[0].Result.Notes;
        Assert.HasCount(3, notes);
        StringAssert.Contains(notes[0], "Skipped Conv 'Conv_0': 'a' is read by Concat 'Concat_1', which channel pruning cannot rewrite");
        StringAssert.Contains(notes[1], "Skipped Conv 'Conv_2': 'b' is read by Reshape 'Reshape_3'");
        StringAssert.Contains(notes[2], "Skipped Conv 'Conv_4'");
        StringAssert.Contains(notes[2], "graph input");
        Assert.IsFalse(records[0].Result.Changed);
        PassTesting.AssertSameOutputs(PassTesting.Import(builder.ToBytes()), optimized, builder.Feeds, 0, 0);
    }

    private static Tensor Weight(Graph graph, string node) => graph.Nodes.Single(n => n.Name == node).Input(1)!.Initializer!;

    /// <summary>Two MobileNet blocks (expansion, depthwise, projection, residual) and a classifier head.</summary>
    private static ModelBuilder MobileNetStyle()
    {
        var builder = new ModelBuilder(opset: 13).Input("image", 1, 3, 8, 8);
        string x = builder.Relu6(builder.BatchNorm(builder.Conv("image", 3, 8, 3), 8));
        x = builder.MobileNetBlock(x, 8, 8, 2, 1);
        x = builder.MobileNetBlock(x, 8, 12, 2, 2);
        builder.RandomInitializer("fc", 0.3f, 12, 5)
            .Node("GlobalAveragePool", [x], ["pooled"])
            .Node("Flatten", ["pooled"], ["flat"])
            .Node("Gemm", ["flat", "fc"], ["logits"]);
        return builder.Output("logits");
    }

    /// <summary>
    /// Conv 3→8 (channels 1, 4, 6 zero) → BatchNormalization (zero shift on those) → Relu → MaxPool → depthwise Conv
    /// (zero bias on those) → Clip → Conv 8→6 (channels 0, 3 zero) → Relu → AveragePool to 2x2 → Flatten → Gemm 24→12
    /// (outputs 1, 3, 5, 7, 9, 11 zero) → Relu → Gemm 12→3.
    /// </summary>
    private static ModelBuilder ZeroChannelNetwork()
    {
        var b = new ModelBuilder(opset: 13).Input("x", 1, 3, 8, 8);
        int[] zero1 = [1, 4, 6];
        var bnBias = b.RandomValues(8, -0.1f, 0.1f);
        var bnMean = b.RandomValues(8, -0.1f, 0.1f);
        var dwBias = b.RandomValues(8, -0.1f, 0.1f);
        foreach (int c in zero1)
        {
            bnBias[c] = bnMean[c] = dwBias[c] = 0;
        }
        var gemmBias = b.RandomValues(12, -0.1f, 0.1f);
        for (int c = 1; c < 12; c += 2)
        {
            gemmBias[c] = 0;
        }
        b.Initializer("w1", PruningTesting.ZeroRows(b.RandomTensor(0.5f, 8, 3, 3, 3), zero1))
            .Initializer("b1", PruningTesting.ZeroRows(b.RandomTensor(0.1f, 8), zero1))
            .Initializer("bn_scale", b.RandomValues(8, 0.5f, 1.5f), 8).Initializer("bn_bias", bnBias, 8)
            .Initializer("bn_mean", bnMean, 8).Initializer("bn_var", b.RandomValues(8, 0.5f, 1.5f), 8)
            .RandomInitializer("w_dw", 0.5f, 8, 1, 3, 3).Initializer("b_dw", dwBias, 8)
            .Initializer("clip_min", [0f]).Initializer("clip_max", [6f])
            .Initializer("w2", PruningTesting.ZeroRows(b.RandomTensor(0.5f, 6, 8, 1, 1), 0, 3))
            .Initializer("w3", PruningTesting.ZeroRows(b.RandomTensor(0.3f, 12, 24), 1, 3, 5, 7, 9, 11))
            .Initializer("b3", gemmBias, 12)
            .RandomInitializer("w4", 0.3f, 3, 12)
            .Node("Conv", ["x", "w1", "b1"], ["c1"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("BatchNormalization", ["c1", "bn_scale", "bn_bias", "bn_mean", "bn_var"], ["n1"])
            .Node("Relu", ["n1"], ["r1"])
            .Node("MaxPool", ["r1"], ["p1"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("Conv", ["p1", "w_dw", "b_dw"], ["d1"], ("group", 8L), ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Clip", ["d1", "clip_min", "clip_max"], ["k1"])
            .Node("Conv", ["k1", "w2"], ["c2"])
            .Node("Relu", ["c2"], ["r2"])
            .Node("AveragePool", ["r2"], ["p2"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("Flatten", ["p2"], ["f"])
            .Node("Gemm", ["f", "w3", "b3"], ["g"], ("transB", 1L))
            .Node("Relu", ["g"], ["r3"])
            .Node("Gemm", ["r3", "w4"], ["y"], ("transB", 1L))
            .Output("y");
        return b;
    }
}
