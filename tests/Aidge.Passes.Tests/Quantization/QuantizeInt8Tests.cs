using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Passes.Quantization;
using Aidge.Passes.Tests.Support;
using Aidge.Simulation.Calibration;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Quantization;

/// <summary>
/// quantize-int8 on small graphs: what it rewrites into what, where the boundaries go, what stays float, and (the
/// equivalence check) that the quantized graph computes the float graph's outputs within a few quantization steps
/// on seeded inputs, calibrated on other seeded inputs of the same distribution.
/// </summary>
[TestClass]
public sealed class QuantizeInt8Tests
{
    [TestMethod]
    public void ConvReluBecomesOneQConvClampedAtTheZeroPoint()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 3, 8, 8);
        string y = builder.Relu(builder.Conv("x", 3, 8, 3));
        builder.Output(y);

        var (graph, record, _) = QuantizeAndCompare(builder);

        var qconv = graph.Nodes.Single(n => n.OpType == "QConv");
        Assert.AreEqual(AidgeDomain.Name, qconv.Domain);
        Assert.AreEqual(0, PassTesting.Count(graph, "Relu") + PassTesting.Count(graph, "Conv"));
        Assert.AreEqual(qconv.GetInt("y_zero_point", -1), qconv.GetInt("y_min", -1), "the Relu's floor is the zero point");
        Assert.AreEqual(255L, qconv.GetInt("y_max", -1));
        Assert.AreEqual(8, qconv.GetInts("multiplier")!.Length, "one multiplier per output channel");
        Assert.AreEqual(DataType.Int8, qconv.Input(1)!.Initializer!.Type);
        Assert.AreEqual(DataType.UInt8, qconv.Input(0)!.ElementType);
        CollectionAssert.AreEqual(new[] { "QuantizeLinear", "QConv", "DequantizeLinear" }, graph.Nodes.Select(n => n.OpType).ToArray());
        Assert.AreEqual("x", graph.Inputs[0].Name);
        Assert.AreEqual(DataType.Float, graph.Outputs[0].ElementType);
        Assert.AreEqual(1, record.Result.Rewrites);
        Assert.AreEqual(8 * 3 * 3 * 3 * 3L, record.Result.BytesSaved + 2 * (4 + 1), "3 of 4 weight bytes saved, less two scales and zero points");
    }

    [TestMethod]
    public void GemmAndMatMulBecomeQGemmWithAlphaAndBetaFolded()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 4, 16)
            .RandomInitializer("w", 0.5f, 16, 12)
            .RandomInitializer("c", 0.5f, 1, 12)
            .RandomInitializer("v", 0.5f, 12, 6)
            .Node("Gemm", ["x", "w", "c"], ["h"], ("alpha", 0.75f), ("beta", 2f))
            .Node("MatMul", ["h", "v"], ["y"])
            .Output("y");

        var (graph, record, _) = QuantizeAndCompare(builder);

        Assert.AreEqual(2, record.Result.Rewrites);
        CollectionAssert.AreEqual(new[] { "QuantizeLinear", "QGemm", "QGemm", "DequantizeLinear" }, graph.Nodes.Select(n => n.OpType).ToArray());
        var second = graph.Nodes.Where(n => n.OpType == "QGemm").Last();
        CollectionAssert.AreEqual(new long[] { 6, 12 }, second.Input(1)!.Initializer!.Dims, "MatMul's [K, N] weights transposed to [N, K]");
        Assert.IsNull(second.Input(2), "MatMul has no bias");
    }

    [TestMethod]
    public void DataMovementBetweenLayersStaysInTheIntegerDomain()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 2, 8, 8);
        string features = builder.Relu(builder.Conv("x", 2, 4, 3));
        builder.Node("MaxPool", [features], ["pooled"], ("kernel_shape", new[] { 2L, 2L }), ("strides", new[] { 2L, 2L }))
            .Node("Flatten", ["pooled"], ["flat"]);
        builder.Output(builder.Linear("flat", 64, 5));

        var (graph, _, _) = QuantizeAndCompare(builder);

        CollectionAssert.AreEqual(new[] { "QuantizeLinear", "QConv", "MaxPool", "Flatten", "QGemm", "DequantizeLinear" }, graph.Nodes.Select(n => n.OpType).ToArray());
        Assert.AreEqual(DataType.UInt8, graph.Nodes.Single(n => n.OpType == "Flatten").Output(0)!.ElementType);
    }

    [TestMethod]
    public void AnActivationOtherThanAClampRunsInFloatAfterTheLayer()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 3, 6, 6);
        string conv = builder.Conv("x", 3, 4, 3);
        builder.Node("Sigmoid", [conv], ["y"]).Output("y");

        var (graph, _, _) = QuantizeAndCompare(builder);

        CollectionAssert.AreEqual(new[] { "QuantizeLinear", "QConv", "DequantizeLinear", "Sigmoid" }, graph.Nodes.Select(n => n.OpType).ToArray());
        Assert.AreEqual(DataType.Float, graph.Nodes.Single(n => n.OpType == "Sigmoid").Input(0)!.ElementType);
    }

    [TestMethod]
    public void AFusedConvKeepsItsClipAsTheClampAndOtherFusedActivationsStayFloat()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 3, 6, 6)
            .RandomInitializer("w1", 0.5f, 4, 3, 3, 3)
            .RandomInitializer("w2", 0.5f, 4, 4, 1, 1);
        builder.DomainNode(AidgeDomain.Name, AidgeDomain.Version, "FusedConv", ["x", "w1"], ["a"], ("pads", new[] { 1L, 1L, 1L, 1L }),
                ("activation", "Clip"), ("activation_params", new[] { 0f, 0.5f }))
            .DomainNode(AidgeDomain.Name, AidgeDomain.Version, "FusedConv", ["a", "w2"], ["y"], ("activation", "Tanh"))
            .Output("y");

        var (graph, record, context) = QuantizeAndCompare(builder);

        var qconv = graph.Nodes.Single(n => n.OpType == "QConv");
        var outputScale = graph.Nodes.Single(n => n.OpType == "DequantizeLinear").Input(1)!.Initializer!.Span<float>()[0];
        Assert.AreEqual((long)Math.Round(0.5f / outputScale), qconv.GetInt("y_max", -1) - qconv.GetInt("y_zero_point", -1), 1, "Clip's max in the output domain");
        Assert.AreEqual(1, PassTesting.Count(graph, "FusedConv"));
        StringAssert.Contains(string.Join("\n", record.Result.Notes), "Tanh activation");
        Assert.AreEqual(DiagnosticCodes.LayersLeftInFloat, context.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void ALayerWithoutACalibratedRangeStaysFloatWithANote()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 8);
        string h = builder.Linear("x", 8, 8);
        builder.Output(builder.Linear(h, 8, 3));
        var graph = PassTesting.Import(builder.ToBytes()).Graph;
        var settings = QuantizationTesting.Calibrate(graph, [builder.Feeds]);
        var partial = new QuantizationSettings(settings.ActivationRanges.Where(r => r.Key != h).ToDictionary(r => r.Key, r => r.Value));

        var (record, context) = QuantizationTesting.Quantize(graph, partial);

        Assert.AreEqual(0, record.Result.Rewrites, "the first layer's output and the second's input are the same value");
        Assert.AreEqual(2, PassTesting.Count(graph, "Gemm"));
        Assert.AreEqual(0, PassTesting.Count(graph, "QuantizeLinear"));
        Assert.AreEqual(2, record.Result.Notes.Count(n => n.Contains($"'{h}' has no calibrated range", StringComparison.Ordinal)));
        Assert.AreEqual(Severity.Warning, context.Diagnostics.Single().Severity);
    }

    [TestMethod]
    public void SymmetricActivationsAreInt8WithZeroPointZero()
    {
        var builder = new ModelBuilder(opset: 14).Input("x", 1, 2, 6, 6);
        builder.Output(builder.Relu(builder.Conv("x", 2, 3, 3)));

        var (graph, _, _) = QuantizeAndCompare(builder, symmetric: true);

        var qconv = graph.Nodes.Single(n => n.OpType == "QConv");
        Assert.AreEqual(DataType.Int8, qconv.Output(0)!.ElementType);
        Assert.AreEqual(0L, qconv.GetInt("x_zero_point", -1));
        Assert.AreEqual(0L, qconv.GetInt("y_min", -1), "Relu clamps at zero");
        Assert.AreEqual(127L, qconv.GetInt("y_max", -1));
    }

    [TestMethod]
    public void ConcatOfDifferentlyQuantizedInputsRunsInFloat()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 1, 2, 5, 5);
        string a = builder.Conv("x", 2, 3, 3);
        string b = builder.Relu(builder.Conv("x", 2, 3, 1));
        builder.Node("Concat", [a, b], ["y"], ("axis", 1L)).Output("y");

        var (graph, _, _) = QuantizeAndCompare(builder);

        var concat = graph.Nodes.Single(n => n.OpType == "Concat");
        Assert.AreEqual(DataType.Float, concat.Output(0)!.ElementType);
        Assert.AreEqual(1, PassTesting.Count(graph, "QuantizeLinear"), "x is quantized once for both layers");
    }

    /// <summary>
    /// Calibrates on 16 seeded samples, quantizes, and compares with the float graph on the builder's own inputs: every
    /// output within 4 steps of its quantization (the errors of 2-3 requantized layers add up) plus 2 % of its range.
    /// </summary>
    private static (Graph Graph, Aidge.Passes.Pipeline.PassRecord Record, Aidge.Passes.Pipeline.PassContext Context) QuantizeAndCompare(ModelBuilder builder, bool symmetric = false)
    {
        var original = PassTesting.Import(builder.ToBytes());
        var model = PassTesting.Import(builder.ToBytes());
        var samples = QuantizationTesting.RandomSamples(builder.Feeds, 16, seed: 5);
        samples.Add(builder.Feeds);
        var statistics = CalibrationStatistics.Collect(model.Graph, samples, PassTesting.FileName);
        var settings = QuantizationTesting.Settings(statistics, CalibrationMethod.MinMax, symmetric);
        var (record, context) = QuantizationTesting.Quantize(model.Graph, settings);
        var want = PassTesting.Run(original, builder.Feeds);
        var got = PassTesting.Run(model, builder.Feeds);
        for (int o = 0; o < want.Count; o++)
        {
            var range = settings.ActivationRanges[original.Graph.Outputs[o].Name];
            double step = symmetric ? Math.Max(-range.Min, range.Max) / 127 : (Math.Max(range.Max, 0) - Math.Min(range.Min, 0)) / 255;
            for (int i = 0; i < want[o].Length; i++)
            {
                double error = Math.Abs(want[o].GetDouble(i) - got[o].GetDouble(i));
                Assert.IsTrue(error <= 4 * step + 0.02 * (range.Max - range.Min), $"output {o} element {i}: {want[o].GetDouble(i)} against {got[o].GetDouble(i)} (step {step})");
            }
        }
        return (model.Graph, record, context);
    }
}
