using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Pruning;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Pruning;

/// <summary>What pruning at one ratio does to whole networks: parameters and MACs before and after, printed for the notes.</summary>
[TestClass]
public sealed class PruningFiguresTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ChannelPruningShrinksMobileNetV2()
    {
        var (before, after, notes) = Prune(NetworkBlocks.MobileNetV2Network(), 0.5, PruneMode.Channel, "MobileNetV2-style 224x224");

        // Every block's expansion/depthwise group and the stage streams between stride-2 blocks lose half their
        // channels; the classifier's outputs (a graph output) stay.
        Assert.IsLessThan(0.6 * before.Parameters, after.Parameters);
        Assert.IsLessThan(0.6 * before.Macs, after.Macs);
        StringAssert.Contains(notes[^1], "Removed");
        Assert.IsTrue(notes.Any(n => n.Contains("reach graph output", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ChannelPruningOfResNetKeepsTheResidualStreamThatReachesTheOutput()
    {
        var (before, after, notes) = Prune(NetworkBlocks.ResNetStyleNetwork(64, 56, 5), 0.5, PruneMode.Channel, "ResNet-style 64x56x56, 5 blocks");

        // Each block's inner group (first conv, its BatchNormalization, the second conv's inputs) loses half its 64
        // channels; the stem and the second convolutions write the stream that is the graph output, so they stay.
        const long conv = 64 * 64 * 9;
        Assert.AreEqual(before.Parameters - 5 * (conv / 2 + 4 * 32 + conv / 2), after.Parameters);
        Assert.AreEqual(before.Macs - 5 * (56L * 56 * conv), after.Macs);
        Assert.IsTrue(notes.Any(n => n.StartsWith("Skipped Conv 'Conv_0' and 5 coupled layers: its channels reach graph output", StringComparison.Ordinal)), string.Join("\n", notes));
    }

    [TestMethod]
    public void MagnitudePruningOfMobileNetV2KeepsItsSize()
    {
        var (before, after, _) = Prune(NetworkBlocks.MobileNetV2Network(), 0.5, PruneMode.Unstructured, "MobileNetV2-style 224x224");

        Assert.AreEqual(before, after);
    }

    [TestMethod]
    public void ChannelPrunedMobileNetV2Runs()
    {
        var builder = NetworkBlocks.MobileNetV2Network(size: 32);
        var (optimized, _) = PassTesting.Optimize(builder, [new ChannelPruningPass()], PruningTesting.Context(0.5, PruneMode.Channel));

        var outputs = PassTesting.Run(optimized, builder.Feeds);

        CollectionAssert.AreEqual(new long[] { 1, 1000 }, outputs[0].Dims);
        Assert.IsTrue(Enumerable.Range(0, outputs[0].Length).All(i => double.IsFinite(outputs[0].GetDouble(i))));
    }

    private (Counts Before, Counts After, IReadOnlyList<string> Notes) Prune(ModelBuilder builder, double ratio, PruneMode mode, string title)
    {
        var original = PassTesting.Import(builder.ToBytes()).Graph;
        IPass pass = mode == PruneMode.Channel ? new ChannelPruningPass() : new MagnitudePruningPass();
        var (optimized, records) = PassTesting.Optimize(builder, [pass], PruningTesting.Context(ratio, mode));
        var before = Counts.Of(original);
        var after = Counts.Of(optimized.Graph);
        var result = records[0].Result;
        TestContext.WriteLine($"{title}, {records[0].Pass} {ratio}: parameters {before.Parameters} -> {after.Parameters}, MACs {before.Macs} -> {after.Macs}, bytes saved {result.BytesSaved}");
        foreach (string note in result.Notes)
        {
            TestContext.WriteLine("  " + note);
        }
        return (before, after, result.Notes);
    }

    private readonly record struct Counts(long Parameters, long Macs)
    {
        public static Counts Of(Graph graph) => new(PruningTesting.Parameters(graph), MacCounter.Total(graph) ?? -1);
    }
}
