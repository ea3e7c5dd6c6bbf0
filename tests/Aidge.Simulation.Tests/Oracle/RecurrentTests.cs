using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Oracle;

/// <summary>
/// LSTM, GRU and RNN against ONNX Runtime in every direction: bare (X, W, R only) and with every optional input
/// (bias, per-batch sequence lengths shorter than the sequence, initial states, LSTM peepholes), plus clip and
/// GRU's linear_before_reset. Every output (Y, Y_h and LSTM's Y_c) is compared.
/// </summary>
[TestClass]
public sealed class RecurrentTests
{
    private const long Steps = 5, Batch = 3, InputSize = 4, Hidden = 6;

    public static IEnumerable<object[]> Cases =>
        from op in new[] { "LSTM", "GRU", "RNN" }
        from direction in new[] { "forward", "reverse", "bidirectional" }
        from variant in new[] { "bare", "full", "clip" }.Concat(op == "GRU" ? ["linear_before_reset"] : [])
        select new object[] { op, direction, variant };

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void RecurrentMatchesOnnxRuntime(string op, string direction, string variant)
    {
        long directions = direction == "bidirectional" ? 2 : 1;
        long gates = op switch { "LSTM" => 4, "GRU" => 3, _ => 1 };
        var model = new ModelBuilder()
            .Input("X", Steps, Batch, InputSize)
            .RandomInitializer("W", 0.5f, directions, gates * Hidden, InputSize)
            .RandomInitializer("R", 0.5f, directions, gates * Hidden, Hidden);
        List<string> inputs = ["X", "W", "R"];
        List<(string, object)> attributes = [("direction", direction), ("hidden_size", Hidden)];
        if (variant == "full")
        {
            model.RandomInitializer("B", 0.5f, directions, 2 * gates * Hidden)
                .Initializer("sequence_lens", Tensor.FromArray(new[] { (int)Steps, 3, 4 }, Batch))
                .RandomInitializer("initial_h", 0.5f, directions, Batch, Hidden);
            inputs.AddRange(["B", "sequence_lens", "initial_h"]);
            if (op == "LSTM")
            {
                model.RandomInitializer("initial_c", 0.5f, directions, Batch, Hidden)
                    .RandomInitializer("P", 0.5f, directions, 3 * Hidden);
                inputs.AddRange(["initial_c", "P"]);
            }
        }
        if (variant == "clip")
        {
            attributes.Add(("clip", 0.75f));
        }
        if (variant == "linear_before_reset")
        {
            attributes.Add(("linear_before_reset", 1));
        }
        string[] outputs = op == "LSTM" ? ["Y", "Y_h", "Y_c"] : ["Y", "Y_h"];
        model.Node(op, [.. inputs], outputs, [.. attributes]);
        foreach (string output in outputs)
        {
            model.Output(output);
        }
        OracleAssert.Agrees(model, rtol: 1e-4, atol: 1e-5);
    }
}
