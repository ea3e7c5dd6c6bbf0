using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Quantized;

/// <summary>
/// The OpenMP target's integer path against the simulator, byte for byte: ai.aidge QConv (GEMM and direct kernels,
/// the micro-kernel's row, column and depth edges, groups, strides, dilations, pads, per-channel and per-tensor
/// requantization, clamps) and QGemm (dot-product and packed paths), QuantizeLinear / DequantizeLinear, and the
/// uint8 / int8 data-movement operators between them; every instruction-set level the build machine runs.
/// </summary>
[TestClass]
public sealed class QuantizedExportTests
{
    /// <summary>A QConv problem: input [n, c, spatial...], m outputs, the kernel, strides, dilations, pads and group.</summary>
    public sealed record ConvCase(string Name, DataType Type, long[] Input, long M, long[] Kernel, long[] Strides, long[] Dilations, long[] Pads, long Group, bool Bias = true, bool PerTensor = false, int YMinOffset = 0, int YMaxOffset = 0, string? AutoPad = null)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<object[]> ConvCases() => new ConvCase[]
    {
        // A first layer on an RGB image: depth 27 ends in a partial quad, 8 outputs are 2 tiles of 4 rows.
        new("rgb-3x3", DataType.UInt8, [1, 3, 9, 11], 8, [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], 1),
        new("int8-strided-asymmetric-pads", DataType.Int8, [2, 16, 13, 7], 33, [3, 3], [2, 1], [1, 1], [1, 0, 1, 2], 1),
        new("groups-dilated", DataType.UInt8, [1, 8, 10, 10], 12, [3, 3], [1, 1], [2, 2], [2, 2, 2, 2], 2, Bias: false),
        // Depth 1170: two chunks of k, the second ending in a partial quad; 70 rows are two row blocks.
        new("deep", DataType.UInt8, [1, 130, 6, 6], 70, [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], 1),
        new("pointwise-per-tensor", DataType.Int8, [1, 5, 17, 19], 7, [1, 1], [1, 1], [1, 1], [0, 0, 0, 0], 1, PerTensor: true),
        // Depthwise, rows longer than the direct kernel's 256-column chunk.
        new("depthwise-wide", DataType.UInt8, [1, 6, 5, 300], 6, [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], 6),
        // Depthwise int8, stride 2, with a fused Relu6-like clamp.
        new("depthwise-int8-clamped", DataType.Int8, [2, 8, 9, 9], 8, [3, 3], [2, 2], [1, 1], [1, 1, 1, 1], 8, YMinOffset: 128, YMaxOffset: -60),
        // Two outputs per input channel: still the direct kernel (fewer than a tile of outputs per group).
        new("channel-multiplier-2", DataType.UInt8, [1, 4, 8, 8], 8, [5, 5], [1, 3], [1, 1], [2, 2, 2, 2], 4, YMinOffset: 90),
        new("same-upper-1d", DataType.UInt8, [1, 12, 50], 20, [4], [2], [1], [0, 0], 1, AutoPad: "SAME_UPPER"),
        new("3d", DataType.Int8, [1, 4, 5, 6, 7], 9, [3, 2, 3], [1, 2, 1], [1, 1, 1], [1, 0, 1, 1, 1, 0], 1),
        // A typical middle layer: 64 -> 64 at 14x14, depth 576, several 64-position blocks.
        new("resnet-block", DataType.UInt8, [1, 64, 14, 14], 64, [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], 1),
    }.Select(c => new object[] { c });

    [TestMethod]
    [DynamicData(nameof(ConvCases))]
    public void QConvMatchesTheSimulatorByteForByte(ConvCase conv)
    {
        using var library = new QuantizedLibrary(QConvModel(conv));
        library.AssertMatchesSimulator();
    }

    [TestMethod]
    [DataRow(DataType.UInt8, 1, 10, 64, true)]
    [DataRow(DataType.Int8, 3, 37, 1000, true)]
    [DataRow(DataType.UInt8, 5, 17, 33, false)]
    [DataRow(DataType.Int8, 70, 100, 1100, true)]
    [DataRow(DataType.UInt8, 64, 64, 3, true)]
    public void QGemmMatchesTheSimulatorByteForByte(DataType type, int m, int n, int k, bool withBias)
    {
        using var library = new QuantizedLibrary(QGemmModel(type, m, n, k, withBias));
        library.AssertMatchesSimulator();
    }

    [TestMethod]
    public void EveryInstructionSetLevelGivesTheSimulatorsBytes()
    {
        var builder = QConvModel(new ConvCase("mixed", DataType.Int8, [1, 20, 11, 13], 30, [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], 1));
        using var conv = new QuantizedLibrary(builder);
        using var gemm = new QuantizedLibrary(QGemmModel(DataType.UInt8, 9, 41, 77, withBias: true));
        for (int level = 0; level <= 3; level++)
        {
            conv.AssertMatchesSimulator(level);
            gemm.AssertMatchesSimulator(level);
        }
    }

    [TestMethod]
    public void QuantizedLayersKeepWeightsAsInt8AndParametersAsTables()
    {
        using var library = new QuantizedLibrary(QConvModel(new ConvCase("tables", DataType.UInt8, [1, 16, 8, 8], 24, [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], 1)));
        string source = library.Source;

        StringAssert.Contains(source, "aidge_qconv_gemm(threads, ((const uint8_t*)inputs[0]), ((const int8_t*)(weights + ");
        StringAssert.Matches(source, new System.Text.RegularExpressions.Regex(@"static const int32_t aidge_table_i32_[0-9a-f]{16}\[24\] = \{"));
        StringAssert.Contains(source, ".x_zero_point = 7, .x_signed = 0, .bias = ((const int32_t*)(weights + ");
    }

    [TestMethod]
    [DataRow(DataType.UInt8, false)]
    [DataRow(DataType.Int8, false)]
    [DataRow(DataType.UInt8, true)]
    [DataRow(DataType.Int16, false)]
    public void QuantizeAndDequantizeLinearAreExact(DataType type, bool perAxis)
    {
        var builder = new ModelBuilder(opset: 21, seed: 5);
        // Ties (k + 0.5 steps, which round to even), saturation both ways, infinities and NaN, then ordinary values.
        float[] special = [1.25f, 1.75f, -1.25f, -2.75f, 0.25f, 1e9f, -1e9f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 0f, -0f];
        var values = special.Concat(builder.RandomValues(3 * 4 * 5 - special.Length, -70, 70)).ToArray();
        builder.Input("x", Tensor.FromArray(values, 3, 4, 5));
        long channels = perAxis ? 4 : 1;
        float[] scales = perAxis ? [0.5f, 0.37f, 0.25f, 1.1f] : [0.5f];
        builder.Initializer("scale", Tensor.FromArray(scales, perAxis ? new[] { channels } : Array.Empty<long>()));
        long[] zeroPoints = perAxis ? [3, 128, 250, 0] : [type == DataType.Int8 ? -3 : 7];
        builder.Initializer("zero", ElementConversion(zeroPoints, type, perAxis ? new[] { channels } : Array.Empty<long>()));
        builder.Node("QuantizeLinear", ["x", "scale", "zero"], ["q"], ("axis", 1L));
        builder.Node("DequantizeLinear", ["q", "scale", "zero"], ["y"], ("axis", 1L));
        builder.Output("q", type).Output("y");

        using var library = new QuantizedLibrary(builder);
        library.AssertMatchesSimulator();
    }

    [TestMethod]
    [DataRow(-3f, 5f)]
    [DataRow(0.5f, 9f)]
    [DataRow(-7f, -1f)]
    public void DynamicQuantizeLinearIsExact(float min, float max)
    {
        var builder = new ModelBuilder(opset: 17, seed: 9);
        builder.Input("x", builder.UniformTensor(min, max, 2, 3, 40));
        builder.Node("DynamicQuantizeLinear", ["x"], ["y", "scale", "zero"]);
        builder.Output("y", DataType.UInt8).Output("scale").Output("zero", DataType.UInt8);

        using var library = new QuantizedLibrary(builder);
        library.AssertMatchesSimulator();
    }

    [TestMethod]
    [DataRow(DataType.UInt8)]
    [DataRow(DataType.Int8)]
    public void IntegerDomainOperatorsBetweenQuantizedLayersMatchTheSimulator(DataType type)
    {
        // QuantizeLinear -> QConv -> MaxPool -> Relu -> Transpose -> Reshape -> Concat -> QGemm -> DequantizeLinear.
        var builder = new ModelBuilder(opset: 17, seed: 11);
        var random = builder.Random;
        long zero = type == DataType.UInt8 ? 128 : 0;
        builder.Input("x", builder.RandomTensor(2f, 1, 3, 12, 12));
        builder.Initializer("scale", Tensor.FromArray(new[] { 0.02f }));
        builder.Initializer("zero", ElementConversion(new[] { zero }, type, Array.Empty<long>()));
        builder.Node("QuantizeLinear", ["x", "scale", "zero"], ["xq"]);
        builder.QConv("xq", "c", type, channels: 3, outputs: 8, kernel: 3);
        builder.Node("MaxPool", ["c"], ["p"], ("kernel_shape", new long[] { 3, 3 }), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 0, 0 }));
        builder.Node(type == DataType.Int8 ? "Relu" : "Identity", ["p"], ["r"]);
        builder.Node("Transpose", ["r"], ["t"], ("perm", new long[] { 0, 2, 3, 1 }));
        builder.Initializer("flat", new long[] { 1, 6 * 6 * 8 }, 2);
        builder.Node("Reshape", ["t", "flat"], ["f"]);
        builder.Node("Concat", ["f", "f"], ["cat"], ("axis", 1L));
        var (min, max) = Aidge.Core.Operators.Aidge.Requantization.Range(type);
        var (gm, gs) = QuantizedModels.Requantization(random, 10, 576);
        builder.Initializer("gw", QuantizedModels.Weights(random, 10, 576)).Initializer("gb", QuantizedModels.Bias(random, 10));
        builder.Node("QGemm", ["cat", "gw", "gb"], ["g"], ("x_zero_point", zero), ("y_zero_point", zero), ("multiplier", gm), ("shift", gs), ("y_min", (long)min), ("y_max", (long)max));
        builder.Node("DequantizeLinear", ["g", "scale", "zero"], ["y"]);
        builder.Output("c", type).Output("p", type).Output("y");

        using var library = new QuantizedLibrary(builder);
        library.AssertMatchesSimulator();
    }

    private static ModelBuilder QConvModel(ConvCase conv)
    {
        var builder = new ModelBuilder(opset: 17, seed: conv.Name.Length);
        var random = builder.Random;
        long channels = conv.Input[1];
        long[] weightDims = [conv.M, channels / conv.Group, .. conv.Kernel];
        long depth = weightDims.Skip(1).Aggregate(1L, (p, d) => p * d);
        var (min, max) = Aidge.Core.Operators.Aidge.Requantization.Range(conv.Type);
        long xZero = conv.Type == DataType.UInt8 ? 7 : -5;
        long yZero = conv.Type == DataType.UInt8 ? 131 : 3;
        var (multipliers, shifts) = QuantizedModels.Requantization(random, conv.PerTensor ? 1 : conv.M, depth);
        builder.Input("x", QuantizedModels.Activations(random, conv.Type, conv.Input));
        builder.Initializer("w", QuantizedModels.Weights(random, weightDims));
        string[] inputs = ["x", "w"];
        if (conv.Bias)
        {
            builder.Initializer("b", QuantizedModels.Bias(random, conv.M));
            inputs = [.. inputs, "b"];
        }
        var attributes = new List<(string, object)>
        {
            ("kernel_shape", conv.Kernel), ("strides", conv.Strides), ("dilations", conv.Dilations), ("group", conv.Group),
            ("x_zero_point", xZero), ("y_zero_point", yZero), ("multiplier", multipliers), ("shift", shifts),
            ("y_min", (long)min + conv.YMinOffset), ("y_max", (long)max + conv.YMaxOffset),
        };
        attributes.Add(conv.AutoPad is { } autoPad ? ("auto_pad", autoPad) : ("pads", conv.Pads));
        builder.Node("QConv", inputs, ["y"], [.. attributes]);
        return builder.Output("y", conv.Type);
    }

    private static ModelBuilder QGemmModel(DataType type, int m, int n, int k, bool withBias)
    {
        var builder = new ModelBuilder(opset: 17, seed: m + n + k);
        var random = builder.Random;
        var (min, max) = Aidge.Core.Operators.Aidge.Requantization.Range(type);
        var (multipliers, shifts) = QuantizedModels.Requantization(random, n, k);
        builder.Input("a", QuantizedModels.Activations(random, type, m, k));
        builder.Initializer("b", QuantizedModels.Weights(random, n, k));
        if (withBias)
        {
            builder.Initializer("c", QuantizedModels.Bias(random, n));
        }
        builder.Node("QGemm", withBias ? ["a", "b", "c"] : ["a", "b"], ["y"],
            ("x_zero_point", type == DataType.UInt8 ? 128L : 0L), ("y_zero_point", type == DataType.UInt8 ? 100L : -7L),
            ("multiplier", multipliers), ("shift", shifts), ("y_min", (long)min), ("y_max", (long)max));
        return builder.Output("y", type);
    }

    private static Tensor ElementConversion(long[] values, DataType type, long[] dims) =>
        Aidge.Simulation.Kernels.Elementwise.ElementConversion.Convert(Tensor.FromArray(values, dims), type);
}
