using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Tests.Quantization;

/// <summary>
/// QConv and QGemm against two references written here with plain loops: an exact integer one (long accumulators,
/// <see cref="ExactRequantization"/>), which they must match bit for bit, and the float semantics they approximate
/// (the real scale ratio in double), which they must match within one step of the output.
/// </summary>
[TestClass]
public sealed class QuantizedLayerTests
{
    [TestMethod]
    [DataRow(DataType.UInt8, 131, 100, 0, 255, 1)]
    [DataRow(DataType.UInt8, 131, 100, 100, 255, 2)] // a fused Relu: the clamp starts at the output's zero point
    [DataRow(DataType.Int8, 0, 0, -128, 127, 2)]
    [DataRow(DataType.Int8, 0, 0, 0, 40, 1)]         // a fused Relu6-like clamp
    public void QConvMatchesTheReferences(DataType type, int xZeroPoint, int yZeroPoint, int yMin, int yMax, int group)
    {
        var random = new Random(group * 100 + yMin);
        var problem = new ConvProblem(N: 2, C: 4, H: 7, W: 6, M: 6, Group: group, Kernel: [3, 3], Strides: [2, 1], Pads: [1, 0, 1, 2], Dilations: [1, 2]);
        var x = RandomActivations(random, type, problem.InputDims);
        var w = RandomWeights(random, problem.WeightDims);
        var bias = Enumerable.Range(0, problem.M).Select(_ => random.Next(-5000, 5000)).ToArray();
        var scales = new LayerScales(InputScale: 0.02, OutputScale: 0.05, WeightScales: Enumerable.Range(0, problem.M).Select(_ => 0.001 + 0.01 * random.NextDouble()).ToArray());
        var requantization = Encode(scales);
        var node = Layer("QConv", xZeroPoint, yZeroPoint, yMin, yMax, requantization,
            NodeAttribute.Of("kernel_shape", problem.Kernel), NodeAttribute.Of("strides", problem.Strides), NodeAttribute.Of("pads", problem.Pads),
            NodeAttribute.Of("dilations", problem.Dilations), NodeAttribute.Of("group", (long)group));

        var y = Run(node, x, w, Tensor.FromArray(bias, problem.M));

        var accumulators = problem.Accumulate(x, xZeroPoint, w, bias);
        CollectionAssert.AreEqual(problem.OutputDims, y.Dims);
        AssertMatchesReferences(type, y, accumulators, problem.OutputPlane, requantization, scales, yZeroPoint, yMin, yMax);
    }

    [TestMethod]
    [DataRow(DataType.UInt8, 128, 77, true)]
    [DataRow(DataType.Int8, 0, 0, false)]
    public void QGemmMatchesTheReferences(DataType type, int xZeroPoint, int yZeroPoint, bool withBias)
    {
        var random = new Random(xZeroPoint + 3);
        const int m = 5, k = 37, n = 9;
        var a = RandomActivations(random, type, [m, k]);
        var b = RandomWeights(random, [n, k]);
        var bias = Enumerable.Range(0, n).Select(_ => withBias ? random.Next(-20000, 20000) : 0).ToArray();
        var scales = new LayerScales(InputScale: 0.03, OutputScale: 0.08, WeightScales: Enumerable.Range(0, n).Select(_ => 0.002 + 0.02 * random.NextDouble()).ToArray());
        var requantization = Encode(scales);
        var (min, max) = Requantization.Range(type);
        var node = Layer("QGemm", xZeroPoint, yZeroPoint, min, max, requantization);

        var y = Run(node, a, b, withBias ? Tensor.FromArray(bias, n) : null);

        var av = Values(a);
        var bv = Values(b);
        var accumulators = new long[m * n];
        for (int row = 0; row < m; row++)
        {
            for (int column = 0; column < n; column++)
            {
                long sum = bias[column];
                for (int i = 0; i < k; i++)
                {
                    sum += (av[row * k + i] - xZeroPoint) * bv[column * k + i];
                }
                accumulators[row * n + column] = sum;
            }
        }
        CollectionAssert.AreEqual(new long[] { m, n }, y.Dims);
        AssertMatchesReferences(type, y, accumulators, plane: 1, requantization, scales, yZeroPoint, min, max);
    }

    [TestMethod]
    public void OnePerTensorMultiplierAppliesToEveryChannel()
    {
        var node = Layer("QGemm", 0, 0, -128, 127, [Requantization.FromReal(0.5)]);
        var a = Tensor.FromSpan<sbyte>(DataType.Int8, [1, 2], [10, -7]);
        var b = Tensor.FromSpan<sbyte>(DataType.Int8, [3, 2], [1, 0, 0, 1, 2, 2]);
        var y = Run(node, a, b, null);
        // [10, −7, 6] · 0.5 with ties up: 5, −3 (−3.5 → −3), 3.
        CollectionAssert.AreEqual(new sbyte[] { 5, -3, 3 }, y.Span<sbyte>().ToArray());
    }

    [TestMethod]
    public void AnAccumulatorBeyondInt32IsRefused()
    {
        var node = Layer("QGemm", 0, 0, 0, 255, [Requantization.FromReal(0.5)]);
        var a = Tensor.FromSpan<byte>(DataType.UInt8, [1, 1], [255]);
        var b = Tensor.FromSpan<sbyte>(DataType.Int8, [1, 1], [127]);
        var bias = Tensor.FromArray(new[] { int.MaxValue - 100 }, 1);
        var error = Assert.ThrowsExactly<AidgeException>(() => Run(node, a, b, bias));
        StringAssert.Contains(error.ToString(), "overflows int32");
    }

    private sealed record LayerScales(double InputScale, double OutputScale, double[] WeightScales);

    private static (int Multiplier, int Shift)[] Encode(LayerScales scales) =>
        scales.WeightScales.Select(w => Requantization.FromReal(scales.InputScale * w / scales.OutputScale)).ToArray();

    private static void AssertMatchesReferences(DataType type, Tensor y, long[] accumulators, int plane, (int Multiplier, int Shift)[] requantization,
        LayerScales scales, int yZeroPoint, int yMin, int yMax)
    {
        var actual = Values(y);
        Assert.AreEqual(type, y.Type);
        Assert.AreEqual(accumulators.Length, actual.Length);
        int channels = requantization.Length;
        int saturatedOrExact = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            int c = i / plane % channels;
            long exact = ExactRequantization.Apply(accumulators[i], requantization[c].Multiplier, requantization[c].Shift, yZeroPoint, yMin, yMax);
            Assert.AreEqual(exact, actual[i], $"element {i}: accumulator {accumulators[i]}");
            double real = Math.Round(accumulators[i] * scales.InputScale * scales.WeightScales[c] / scales.OutputScale, MidpointRounding.ToEven);
            double expected = Math.Clamp(real + yZeroPoint, yMin, yMax);
            Assert.IsTrue(Math.Abs(expected - actual[i]) <= 1, $"element {i}: {actual[i]} against the real-scale {expected}");
            saturatedOrExact += actual[i] == expected ? 1 : 0;
        }
        Assert.IsTrue(saturatedOrExact > actual.Length * 9 / 10, "almost every output equals the real-scale rounding");
        Assert.IsTrue(actual.Distinct().Count() > 10, "the outputs span the range, so the comparison means something");
    }

    private static Node Layer(string opType, int xZeroPoint, int yZeroPoint, int yMin, int yMax,
        (int Multiplier, int Shift)[] requantization, params NodeAttribute[] attributes)
    {
        var graph = new Graph();
        graph.SetOpsets([new(string.Empty, 17), new(AidgeDomain.Name, AidgeDomain.Version)]);
        var inputs = new[] { "x", "w", "b" }.Select(name => graph.GetOrAddValue(name));
        var node = graph.AddNode(opType, inputs, [graph.GetOrAddValue("y")], domain: AidgeDomain.Name);
        node.SetAttribute(NodeAttribute.Of("x_zero_point", (long)xZeroPoint));
        node.SetAttribute(NodeAttribute.Of("y_zero_point", (long)yZeroPoint));
        node.SetAttribute(NodeAttribute.Of("y_min", (long)yMin));
        node.SetAttribute(NodeAttribute.Of("y_max", (long)yMax));
        node.SetAttribute(NodeAttribute.Of("multiplier", requantization.Select(r => (long)r.Multiplier).ToArray()));
        node.SetAttribute(NodeAttribute.Of("shift", requantization.Select(r => (long)r.Shift).ToArray()));
        foreach (var attribute in attributes)
        {
            node.SetAttribute(attribute);
        }
        return node;
    }

    private static Tensor Run(Node node, Tensor x, Tensor w, Tensor? bias) =>
        (Tensor)new Interpreter(node.Graph).RunNode(node, [x, w, bias])[0]!;

    private static Tensor RandomActivations(Random random, DataType type, long[] dims)
    {
        var tensor = Tensor.Create(type, dims);
        random.NextBytes(tensor.Span<byte>());
        return tensor;
    }

    private static Tensor RandomWeights(Random random, long[] dims)
    {
        var tensor = Tensor.Create(DataType.Int8, dims);
        var values = tensor.Span<sbyte>();
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (sbyte)random.Next(-127, 128);
        }
        return tensor;
    }

    internal static long[] Values(Tensor tensor) => tensor.Type switch
    {
        DataType.UInt8 => tensor.Span<byte>().ToArray().Select(v => (long)v).ToArray(),
        DataType.Int8 => tensor.Span<sbyte>().ToArray().Select(v => (long)v).ToArray(),
        _ => throw new ArgumentException($"not a quantized activation: {tensor.Type}"),
    };
}
