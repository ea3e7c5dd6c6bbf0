using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Quantization;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Quantization;

/// <summary>
/// lower-qdq against the ONNX semantics the simulator runs for the original nodes (float requantization): the
/// integer requantization may differ by one step where the scaled accumulator lies within the 31-bit multiplier's
/// rounding of a tie, never more. Each test states the largest difference it measured and how many outputs differ.
/// </summary>
[TestClass]
public sealed class LowerQdqTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void QLinearConvBecomesQConvWithinOneStep(int seed)
    {
        var builder = new ModelBuilder(opset: 13, seed: seed);
        var random = builder.Random;
        builder.Input("x", QuantizedModels.Activations(random, DataType.UInt8, 2, 4, 9, 9))
            .Initializer("x_scale", Tensor.FromArray([0.02f]))
            .Initializer("x_zero_point", Tensor.FromSpan<byte>(DataType.UInt8, [], [131]))
            .Initializer("w", QuantizedModels.Weights(random, 6, 4, 3, 3))
            .Initializer("w_scale", Tensor.FromArray(Enumerable.Range(0, 6).Select(_ => 0.002f + 0.01f * random.NextSingle()).ToArray(), 6))
            .Initializer("w_zero_point", Tensor.FromSpan<sbyte>(DataType.Int8, [6], new sbyte[6]))
            .Initializer("y_scale", Tensor.FromArray([0.35f]))
            .Initializer("y_zero_point", Tensor.FromSpan<byte>(DataType.UInt8, [], [120]))
            .Initializer("b", QuantizedModels.Bias(random, 6))
            .Node("QLinearConv", ["x", "x_scale", "x_zero_point", "w", "w_scale", "w_zero_point", "y_scale", "y_zero_point", "b"], ["y"],
                ("pads", new[] { 1L, 0L, 1L, 2L }), ("strides", new[] { 2L, 1L }))
            .Output("y", DataType.UInt8);

        var graph = LowerAndCompare(builder, maxSteps: 1);

        CollectionAssert.AreEqual(new[] { "QConv" }, graph.Nodes.Select(n => n.OpType).ToArray());
    }

    [TestMethod]
    public void QLinearMatMulBecomesQGemmWithTransposedWeights()
    {
        var builder = new ModelBuilder(opset: 13, seed: 4);
        var random = builder.Random;
        builder.Input("a", QuantizedModels.Activations(random, DataType.Int8, 64, 40))
            .Initializer("a_scale", Tensor.FromArray([0.05f]))
            .Initializer("a_zero_point", Tensor.FromSpan<sbyte>(DataType.Int8, [], [3]))
            .Initializer("b", QuantizedModels.Weights(random, 40, 90))
            .Initializer("b_scale", Tensor.FromArray(Enumerable.Range(0, 90).Select(_ => 0.001f + 0.004f * random.NextSingle()).ToArray(), 90))
            .Initializer("b_zero_point", Tensor.FromSpan<sbyte>(DataType.Int8, [], [0]))
            .Initializer("y_scale", Tensor.FromArray([0.3f]))
            .Initializer("y_zero_point", Tensor.FromSpan<sbyte>(DataType.Int8, [], [-5]))
            .Node("QLinearMatMul", ["a", "a_scale", "a_zero_point", "b", "b_scale", "b_zero_point", "y_scale", "y_zero_point"], ["y"])
            .Output("y", DataType.Int8);

        var graph = LowerAndCompare(builder, maxSteps: 1);

        CollectionAssert.AreEqual(new long[] { 90, 40 }, graph.Nodes.Single(n => n.OpType == "QGemm").Input(1)!.Initializer!.Dims);
    }

    [TestMethod]
    public void DequantizedConvReluQuantizeBecomesOneQConv()
    {
        var builder = new ModelBuilder(opset: 13, seed: 5).Input("x", 1, 3, 8, 8);
        var random = builder.Random;
        builder.Initializer("x_scale", Tensor.FromArray([1f / 127]))
            .Initializer("x_zero_point", Tensor.FromSpan<byte>(DataType.UInt8, [], [128]))
            .Initializer("w_q", QuantizedModels.Weights(random, 5, 3, 3, 3))
            .Initializer("w_scale", Tensor.FromArray(Enumerable.Range(0, 5).Select(_ => 0.002f + 0.004f * random.NextSingle()).ToArray(), 5))
            .Initializer("w_zero_point", Tensor.FromSpan<sbyte>(DataType.Int8, [5], new sbyte[5]))
            .RandomInitializer("bias", 0.2f, 5)
            .Initializer("y_scale", Tensor.FromArray([0.01f]))
            .Initializer("y_zero_point", Tensor.FromSpan<byte>(DataType.UInt8, [], [0]))
            .Node("QuantizeLinear", ["x", "x_scale", "x_zero_point"], ["x_q"])
            .Node("DequantizeLinear", ["x_q", "x_scale", "x_zero_point"], ["x_dq"])
            .Node("DequantizeLinear", ["w_q", "w_scale", "w_zero_point"], ["w"], ("axis", 0L))
            .Node("Conv", ["x_dq", "w", "bias"], ["c"], ("pads", new[] { 1L, 1L, 1L, 1L }))
            .Node("Relu", ["c"], ["r"])
            .Node("QuantizeLinear", ["r", "y_scale", "y_zero_point"], ["y_q"])
            .Node("DequantizeLinear", ["y_q", "y_scale", "y_zero_point"], ["y"])
            .Output("y");

        var graph = LowerAndCompare(builder, maxSteps: 1, step: 0.01);

        CollectionAssert.AreEqual(new[] { "QuantizeLinear", "QConv", "DequantizeLinear" }, graph.Nodes.Select(n => n.OpType).ToArray());
        Assert.AreEqual(0L, graph.Nodes.Single(n => n.OpType == "QConv").GetInt("y_min", -1), "the Relu clamps at the zero point");
        Assert.IsFalse(graph.Initializers.Any(v => v.Name == "w_q"), "the original weights are replaced");
    }

    [TestMethod]
    public void WeightsWithANonzeroZeroPointStayAsTheyAre()
    {
        var builder = new ModelBuilder(opset: 13, seed: 6);
        var random = builder.Random;
        builder.Input("a", QuantizedModels.Activations(random, DataType.UInt8, 2, 4))
            .Initializer("s", Tensor.FromArray([0.1f]))
            .Initializer("zp", Tensor.FromSpan<byte>(DataType.UInt8, [], [7]))
            .Initializer("b", QuantizedModels.Activations(random, DataType.UInt8, 4, 3))
            .Node("QLinearMatMul", ["a", "s", "zp", "b", "s", "zp", "s", "zp"], ["y"])
            .Output("y", DataType.UInt8);
        var (optimized, records) = PassTesting.Optimize(builder, [new LowerQdq()]);
        Assert.AreEqual(0, records.Single().Result.Rewrites);
        Assert.AreEqual(1, PassTesting.Count(optimized.Graph, "QLinearMatMul"));
    }

    /// <summary>Lowers, then compares every output with the original's in steps of <paramref name="step"/> (1 for integer outputs).</summary>
    private Graph LowerAndCompare(ModelBuilder builder, int maxSteps, double step = 1)
    {
        var original = PassTesting.Import(builder.ToBytes());
        var (lowered, records) = PassTesting.Optimize(builder, [new LowerQdq()]);
        Assert.AreEqual(1, records.Single().Result.Rewrites);
        var want = PassTesting.Run(original, builder.Feeds).Single();
        var got = PassTesting.Run(lowered, builder.Feeds).Single();
        Assert.AreEqual(want.Type, got.Type);
        CollectionAssert.AreEqual(want.Dims, got.Dims);
        double largest = 0;
        int differing = 0;
        for (int i = 0; i < want.Length; i++)
        {
            double steps = Math.Abs(want.GetDouble(i) - got.GetDouble(i)) / step;
            largest = Math.Max(largest, steps);
            differing += steps > 1e-3 ? 1 : 0;
        }
        TestContext.WriteLine($"largest difference {largest:F3} steps; {differing} of {want.Length} outputs differ");
        Assert.IsTrue(largest <= maxSteps + 1e-3, $"largest difference {largest} steps");
        Assert.IsTrue(Enumerable.Range(0, want.Length).Select(want.GetDouble).Distinct().Count() > 10, "outputs spread over the range, so the comparison means something");
        return lowered.Graph;
    }
}
