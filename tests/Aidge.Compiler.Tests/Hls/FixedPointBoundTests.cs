using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Onnx;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// The fixed-point design's formats and the worst-case error bound of its outputs, on a two-layer network whose figures
/// are worked out by hand: x [1,2] → Gemm W1 = [[0.5, −0.25], [1, 1]] → Relu → Gemm W2 = [[2, −1]].
/// </summary>
[TestClass]
public sealed class FixedPointBoundTests
{
    private static Graph TwoLayers(string last = "Gemm")
    {
        var builder = new ModelBuilder(opset: 13)
            .Input("x", 1, 2)
            .Initializer("w1", [0.5f, -0.25f, 1f, 1f], 2, 2)
            .Initializer("w2", [2f, -1f], 1, 2)
            .Node("Gemm", ["x", "w1"], ["h"], ("transB", 1L))
            .Node("Relu", ["h"], ["r"]);
        builder = last == "Gemm" ? builder.Node("Gemm", ["r", "w2"], ["y"], ("transB", 1L)) : builder.Node(last, ["r"], ["y"]);
        return ModelReader.Load(new MemoryStream(builder.Output("y").ToBytes())).Graph;
    }

    [TestMethod]
    public void AccumulatorKeepsEveryProductBitWhenItFits()
    {
        var design = HlsFixedDesign.For(new FixedPointFormat(16, 6), TwoLayers(), out string? error)!;
        Assert.IsNull(error);
        // Sums of 2 products and a bias: 2·6 + 2 integer bits, the products' 2·10 fraction bits.
        Assert.AreEqual(new FixedPointFormat(34, 14), design.Accumulator);
        Assert.IsFalse(design.TruncatesProducts);
        Assert.AreEqual(Math.ScaleB(1, -10), design.ConversionError);
        Assert.AreEqual(0, design.ProductError);
    }

    [TestMethod]
    public void WideFormatsTruncateProductsOrAreRefused()
    {
        var wide = HlsFixedDesign.For(new FixedPointFormat(32, 16), TwoLayers(), out _)!;
        // 34 integer bits leave 29 of the products' 32 fraction bits within 63.
        Assert.AreEqual(new FixedPointFormat(63, 34), wide.Accumulator);
        Assert.AreEqual(Math.ScaleB(1, -29), wide.ProductError);
        Assert.IsNull(HlsFixedDesign.For(new FixedPointFormat(32, 30), TwoLayers(), out string? error));
        StringAssert.Contains(error, "fixed<32,30>");
    }

    [TestMethod]
    [DataRow(FixedQuantization.Trn, 10.0 / 1024)]
    [DataRow(FixedQuantization.Rnd, 10.0 / 2048)]
    public void BoundCarriesEachConversionThroughTheWeights(FixedQuantization mode, double expected)
    {
        var graph = TwoLayers();
        var design = HlsFixedDesign.For(new FixedPointFormat(16, 6, mode), graph, out _)!;
        // c at the input; W1's largest row sum |1| + |1| = 2: 2c + c; Relu keeps it; W2's 3: 3·3c + c = 10c.
        var bound = FixedPointErrorBound.Outputs(graph, v => v.Initializer, design, out var unsupported);
        Assert.IsNull(unsupported);
        Assert.AreEqual(expected, bound!.Single(), 1e-15);
    }

    [TestMethod]
    public void OperatorsWithoutABoundAreNamed()
    {
        var graph = TwoLayers("Sigmoid");
        var design = HlsFixedDesign.For(new FixedPointFormat(16, 6), graph, out _)!;
        Assert.IsNull(FixedPointErrorBound.Outputs(graph, v => v.Initializer, design, out var unsupported));
        Assert.AreEqual("Sigmoid", unsupported?.OpType);
    }

    [TestMethod]
    public void NegativeIntegerBitsStillHoldAValueInTheAccumulator()
    {
        // fixed<8,-2>: values below 2^-3, products below 2^-6; a bias or an average's term needs I = -2 bits, not 2I = -4.
        var design = HlsFixedDesign.For(new FixedPointFormat(8, -2), TwoLayers(), out _)!;
        Assert.AreEqual(-2 + 2, design.Accumulator.IntegerBits);
    }

    [TestMethod]
    public void FixedPointEmittersAreExactlyTheOperatorsTheBoundCovers()
    {
        var emitted = Aidge.Export.Hls.HlsEmitters.FixedRegistry.All.Select(e => e.OpType).ToHashSet();
        CollectionAssert.AreEquivalent(FixedPointErrorBound.Operators.Order().ToList(), emitted.Order().ToList());
    }

    [TestMethod]
    public void GainUsesTheRoundedWeights()
    {
        // 0.3 in fixed<8,3> (5 fraction bits) truncates to 9/32; the row sum is 9/32 + 1.
        var weights = Tensor.FromArray([0.3f, -1f], 1, 2);
        var graph = TwoLayers();
        var layer = FixedPointLayers.Of(graph.Nodes[0])!;
        Assert.AreEqual(9.0 / 32 + 1, FixedPointErrorBound.Gain(weights, layer with { Terms = 2 }, new FixedPointFormat(8, 3)), 1e-15);
    }
}
