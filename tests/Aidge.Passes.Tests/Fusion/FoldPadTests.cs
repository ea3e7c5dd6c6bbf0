using Aidge.Passes.Fusion;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Fusion;

[TestClass]
public sealed class FoldPadTests
{
    private static readonly FoldPad Pass = new();

    /// <summary>Pad-11+ (pads as an input) of the two spatial dims, begin and end differing, before <paramref name="consumer"/>.</summary>
    private static ModelBuilder PadThen(string consumer, float value = 0f, int opset = 13, string input = "x", params (string, object)[] attributes)
    {
        var b = new ModelBuilder(opset).Input("x", 1, 2, 6, 6)
            .Initializer("pads", new long[] { 0, 0, 1, 2, 0, 0, 2, 0 }, 8)
            .Initializer("value", [value])
            .Node("Relu", ["x"], ["relu"])
            .Node("Pad", [input, "pads", "value"], ["padded"]);
        if (consumer == "Conv")
        {
            b.RandomInitializer("w", 0.5f, 3, 2, 3, 3);
        }
        return b.Node(consumer, consumer == "Conv" ? ["padded", "w"] : ["padded"], ["y"], attributes).Output("y");
    }

    [TestMethod]
    public void ZeroPaddingBecomesTheConvsPadsAddedToItsOwn()
    {
        var b = PadThen("Conv", attributes: [("pads", new long[] { 1, 1, 1, 1 })]);

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        var conv = optimized.Graph.Nodes.Single(n => n.OpType == "Conv");
        CollectionAssert.AreEqual(new long[] { 2, 3, 3, 1 }, conv.GetInts("pads"));
        Assert.AreEqual("x", conv.Input(0)!.Name);
        Assert.IsFalse(optimized.Graph.Initializers.Any(v => v.Name == "pads"), "the Pad's constants go with it");
    }

    [TestMethod]
    public void PadTwoAttributesFoldIntoAValidConv()
    {
        var b = new ModelBuilder(opset: 10).Input("x", 1, 2, 5, 5)
            .RandomInitializer("w", 0.5f, 3, 2, 3, 3)
            .Node("Pad", ["x"], ["padded"], ("pads", new long[] { 0, 0, 1, 1, 0, 0, 1, 1 }))
            .Node("Conv", ["padded", "w"], ["y"], ("auto_pad", "VALID"))
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        var conv = optimized.Graph.Nodes.Single();
        CollectionAssert.AreEqual(new long[] { 1, 1, 1, 1 }, conv.GetInts("pads"));
        Assert.IsFalse(conv.HasAttribute("auto_pad"));
    }

    [TestMethod]
    public void PadEighteenWithAxesNamesOnlyTheSpatialDims()
    {
        var b = new ModelBuilder(opset: 18).Input("x", 1, 2, 5, 5)
            .RandomInitializer("w", 0.5f, 3, 2, 3, 3)
            .Initializer("pads", new long[] { 1, 0, 2, 1 }, 4)
            .Initializer("axes", new long[] { -2, 3 }, 2)
            .Node("Pad", ["x", "pads", "", "axes"], ["padded"])
            .Node("Conv", ["padded", "w"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(b, [Pass]);

        CollectionAssert.AreEqual(new long[] { 1, 0, 2, 1 }, optimized.Graph.Nodes.Single().GetInts("pads"));
    }

    [TestMethod]
    public void AveragePoolOnlyWhenThePaddingCountsInTheAverage()
    {
        var counted = PadThen("AveragePool", attributes: [("kernel_shape", new long[] { 3, 3 }), ("count_include_pad", 1L)]);
        var excluded = PadThen("AveragePool", attributes: [("kernel_shape", new long[] { 3, 3 })]);

        Assert.AreEqual(0, PassTesting.Count(PassTesting.AssertEquivalentAfter(counted, [Pass]).Graph, "Pad"));
        Assert.AreEqual(1, PassTesting.Count(PassTesting.Optimize(excluded, [Pass]).Optimized.Graph, "Pad"));
    }

    [TestMethod]
    public void MaxPoolTakesMinusInfinityPadding()
    {
        // −∞ never wins a max, exactly like MaxPool's own padding.
        var b = PadThen("MaxPool", float.NegativeInfinity, attributes: [("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 })]);

        Assert.AreEqual(0, PassTesting.Count(PassTesting.AssertEquivalentAfter(b, [Pass]).Graph, "Pad"));
    }

    [TestMethod]
    public void MaxPoolTakesZeroPaddingOfAReluOutputWhileEveryWindowHoldsData()
    {
        var small = PadThen("MaxPool", input: "relu", attributes: [("kernel_shape", new long[] { 3, 3 })]);
        // A 2x2 window fits entirely in the 2-wide padding: the original gives 0 there, MaxPool's own padding would not.
        var wide = PadThen("MaxPool", input: "relu", attributes: [("kernel_shape", new long[] { 2, 2 })]);

        Assert.AreEqual(0, PassTesting.Count(PassTesting.AssertEquivalentAfter(small, [Pass]).Graph, "Pad"));
        Assert.AreEqual(1, PassTesting.Count(PassTesting.Optimize(wide, [Pass]).Optimized.Graph, "Pad"));
    }

    [TestMethod]
    public void MaxPoolKeepsZeroPaddingOfValuesThatMayBeNegative()
    {
        var b = PadThen("MaxPool", attributes: [("kernel_shape", new long[] { 3, 3 })]);

        Assert.AreEqual(1, PassTesting.Count(PassTesting.Optimize(b, [Pass]).Optimized.Graph, "Pad"));
    }

    [TestMethod]
    public void NonZeroValuesOtherModesAndChannelPaddingStay()
    {
        var nonZero = PadThen("Conv", value: 1f);
        var reflect = new ModelBuilder().Input("x", 1, 2, 5, 5)
            .RandomInitializer("w", 0.5f, 3, 2, 3, 3)
            .Initializer("pads", new long[] { 0, 0, 1, 1, 0, 0, 1, 1 }, 8)
            .Node("Pad", ["x", "pads"], ["padded"], ("mode", "reflect"))
            .Node("Conv", ["padded", "w"], ["y"])
            .Output("y");
        var channels = new ModelBuilder().Input("x", 1, 2, 5, 5)
            .RandomInitializer("w", 0.5f, 3, 3, 3, 3)
            .Initializer("pads", new long[] { 0, 1, 0, 0, 0, 0, 0, 0 }, 8)
            .Node("Pad", ["x", "pads"], ["padded"])
            .Node("Conv", ["padded", "w"], ["y"])
            .Output("y");

        foreach (var b in new[] { nonZero, reflect, channels })
        {
            Assert.IsFalse(PassTesting.Optimize(b, [Pass]).Records[0].Result.Changed);
        }
    }

    [TestMethod]
    public void NegativePadsCropAndStay()
    {
        var b = new ModelBuilder().Input("x", 1, 2, 5, 5)
            .RandomInitializer("w", 0.5f, 3, 2, 3, 3)
            .Initializer("pads", new long[] { 0, 0, -1, 1, 0, 0, 1, 1 }, 8)
            .Node("Pad", ["x", "pads"], ["padded"])
            .Node("Conv", ["padded", "w"], ["y"])
            .Output("y");

        Assert.IsFalse(PassTesting.Optimize(b, [Pass]).Records[0].Result.Changed);
    }
}
