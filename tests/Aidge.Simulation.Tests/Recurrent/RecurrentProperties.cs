using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Tests.Recurrent;

/// <summary>
/// The conformance cases only run RNN, GRU and LSTM forward; these tests pin the rest of the shared driver by
/// properties that hold whatever the cell: reverse is forward on time-reversed input, bidirectional is both
/// directions side by side, layout 1 is layout 0 transposed, and sequence_lens is a shorter sequence.
/// </summary>
[TestClass]
public sealed class RecurrentProperties
{
    private const int Seq = 4;
    private const int Batch = 2;
    private const int InputSize = 3;
    private const int Hidden = 5;

    public static IEnumerable<object[]> Cells => new[] { new object[] { "RNN", 1 }, new object[] { "GRU", 3 }, new object[] { "LSTM", 4 } };

    [TestMethod]
    [DynamicData(nameof(Cells))]
    public void ReverseIsForwardOnReversedTime(string op, int gates)
    {
        var x = Random(1, Seq, Batch, InputSize);
        var (w, r, b) = Weights(gates, directions: 1, seed: 2);
        var forward = Run(op, "forward", x: ReverseTime(x), w, r, b);
        var reverse = Run(op, "reverse", x, w, r, b);
        AssertClose(ReverseTime(forward.Y), reverse.Y);
        AssertClose(forward.H, reverse.H);
    }

    [TestMethod]
    [DynamicData(nameof(Cells))]
    public void BidirectionalStacksBothDirections(string op, int gates)
    {
        var x = Random(3, Seq, Batch, InputSize);
        var (wf, rf, bf) = Weights(gates, 1, seed: 4);
        var (wr, rr, br) = Weights(gates, 1, seed: 5);
        var forward = Run(op, "forward", x, wf, rf, bf);
        var reverse = Run(op, "reverse", x, wr, rr, br);
        var both = Run(op, "bidirectional", x, Concat(wf, wr), Concat(rf, rr), Concat(bf, br), extraActivationCheck: true);
        for (int t = 0; t < Seq; t++)
        {
            for (int bi = 0; bi < Batch; bi++)
            {
                for (int h = 0; h < Hidden; h++)
                {
                    Assert.AreEqual(forward.Y[Index(t, 0, bi, h, 1)], both.Y[Index(t, 0, bi, h, 2)], 1e-6f);
                    Assert.AreEqual(reverse.Y[Index(t, 0, bi, h, 1)], both.Y[Index(t, 1, bi, h, 2)], 1e-6f);
                }
            }
        }
        AssertClose(forward.H.Concat(reverse.H).ToArray(), both.H);
    }

    [TestMethod]
    [DynamicData(nameof(Cells))]
    public void BatchFirstLayoutIsTheTransposedLayout(string op, int gates)
    {
        var x = Random(6, Seq, Batch, InputSize);
        var (w, r, b) = Weights(gates, 1, seed: 7);
        var timeFirst = Run(op, "forward", x, w, r, b);
        var batchFirst = Run(op, "forward", SwapFirstAxes(x, Seq, Batch, InputSize), w, r, b, layout: 1);
        AssertClose(SwapFirstAxes(timeFirst.Y, Seq, Batch, Hidden), batchFirst.Y);
        AssertClose(timeFirst.H, batchFirst.H);
    }

    [TestMethod]
    [DynamicData(nameof(Cells))]
    public void SequenceLengthsStopEachEntryEarly(string op, int gates)
    {
        var x = Random(8, Seq, Batch, InputSize);
        var (w, r, b) = Weights(gates, 1, seed: 9);
        var padded = Run(op, "reverse", x, w, r, b, lengths: new[] { Seq, 2 });
        var shortX = x.Take(2 * Batch * InputSize).ToArray();
        var truncated = Run(op, "reverse", shortX, w, r, b, seq: 2);
        for (int h = 0; h < Hidden; h++)
        {
            Assert.AreEqual(truncated.H[Hidden + h], padded.H[Hidden + h], 1e-6f, "Y_h of the shortened entry");
            Assert.AreEqual(0f, padded.Y[Index(3, 0, 1, h, 1)], "Y past the entry's length is zero");
        }
    }

    private static int Index(int t, int d, int b, int h, int directions) => ((t * directions + d) * Batch + b) * Hidden + h;

    private static (float[] Y, float[] H) Run(string op, string direction, float[] x, float[] w, float[] r, float[] b,
        int layout = 0, int[]? lengths = null, int seq = Seq, bool extraActivationCheck = false)
    {
        int directions = direction == "bidirectional" ? 2 : 1;
        int gates = w.Length / (directions * Hidden * InputSize);
        var graph = new Graph();
        graph.SetOpsets(new Dictionary<string, long> { [""] = 22 });
        var xShape = layout == 0 ? new long[] { seq, Batch, InputSize } : new long[] { Batch, seq, InputSize };
        var inputs = new List<Value?>
        {
            graph.AddInitializer("X", Tensor.FromArray(x, xShape)),
            graph.AddInitializer("W", Tensor.FromArray(w, directions, gates * Hidden, InputSize)),
            graph.AddInitializer("R", Tensor.FromArray(r, directions, gates * Hidden, Hidden)),
            graph.AddInitializer("B", Tensor.FromArray(b, directions, 2 * gates * Hidden)),
            lengths is null ? null : graph.AddInitializer("sequence_lens", Tensor.FromArray(lengths, Batch)),
        };
        var y = graph.GetOrAddValue("Y");
        var h = graph.GetOrAddValue("Y_h");
        var node = graph.AddNode(op, inputs, new[] { y, h });
        node.SetAttribute(NodeAttribute.Of("hidden_size", (long)Hidden));
        node.SetAttribute(NodeAttribute.Of("direction", direction));
        node.SetAttribute(NodeAttribute.Of("layout", (long)layout));
        if (extraActivationCheck && op == "RNN")
        {
            // One list for both directions is accepted and repeated.
            node.SetAttribute(NodeAttribute.Of("activations", new[] { "Tanh" }));
        }
        graph.Outputs.Add(y);
        graph.Outputs.Add(h);
        new ShapeInference().Run(graph);
        var results = new Interpreter(graph).Run(Array.Empty<object?>());
        var yTensor = (Tensor)results[0]!;
        Assert.AreEqual(y.Shape!.ToString(), yTensor.Shape.ToString(), "inferred Y shape");
        return (yTensor.Span<float>().ToArray(), ((Tensor)results[1]!).Span<float>().ToArray());
    }

    private static (float[] W, float[] R, float[] B) Weights(int gates, int directions, int seed) =>
        (Random(seed, directions, gates * Hidden, InputSize), Random(seed + 100, directions, gates * Hidden, Hidden), Random(seed + 200, directions, 2 * gates * Hidden));

    private static float[] Random(int seed, params int[] dims)
    {
        var random = new System.Random(seed);
        return Enumerable.Range(0, dims.Aggregate(1, (a, d) => a * d)).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }

    private static float[] Concat(float[] a, float[] b) => a.Concat(b).ToArray();

    /// <summary>Reverses axis 0 of a [Seq, rest...] array.</summary>
    private static float[] ReverseTime(float[] values)
    {
        int row = values.Length / Seq;
        return Enumerable.Range(0, Seq).Reverse().SelectMany(t => values.Skip(t * row).Take(row)).ToArray();
    }

    /// <summary>[a, b, inner] to [b, a, inner] (a Y with one direction has the direction axis of size 1 inside).</summary>
    private static float[] SwapFirstAxes(float[] values, int a, int b, int inner)
    {
        var result = new float[values.Length];
        for (int i = 0; i < a; i++)
        {
            for (int j = 0; j < b; j++)
            {
                Array.Copy(values, (i * b + j) * inner, result, (j * a + i) * inner, inner);
            }
        }
        return result;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], 1e-5f, $"element {i}");
        }
    }
}
