using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Onnx.Proto;

namespace Aidge.Testing;

/// <summary>
/// Random data for quantized layers and the ONNX bytes of a model whose QConv / QGemm nodes are in the ai.aidge domain.
/// Requantization parameters are drawn so that outputs spread over the whole output range (a multiplier that
/// saturated every output would hide wrong sums), and accumulators stay inside int32, as the simulator requires.
/// </summary>
public static class QuantizedModels
{
    private static readonly string[] AidgeOperators = ["QConv", "QGemm"];

    public static Tensor Activations(Random random, DataType type, params long[] dims)
    {
        var bytes = new byte[Tensor.ElementCountOf(dims)];
        random.NextBytes(bytes);
        return Tensor.FromSpan<byte>(type, dims, bytes);
    }

    public static Tensor Weights(Random random, params long[] dims)
    {
        var values = new sbyte[Tensor.ElementCountOf(dims)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (sbyte)random.Next(-127, 128);
        }
        return Tensor.FromSpan<sbyte>(DataType.Int8, dims, values);
    }

    public static Tensor Bias(Random random, long channels) =>
        Tensor.FromArray(Enumerable.Range(0, (int)channels).Select(_ => random.Next(-60000, 60000)).ToArray(), channels);

    /// <summary>One (multiplier, shift) per channel mapping a typical accumulator of <paramref name="depth"/> terms to about ±60.</summary>
    public static (long[] Multipliers, long[] Shifts) Requantization(Random random, long channels, long depth)
    {
        double typical = Math.Sqrt(depth) * 74 * 73;
        var pairs = Enumerable.Range(0, (int)channels)
            .Select(_ => Aidge.Core.Operators.Aidge.Requantization.FromReal(60 / typical * (0.5 + random.NextDouble())))
            .ToList();
        return (pairs.Select(p => (long)p.Multiplier).ToArray(), pairs.Select(p => (long)p.Shift).ToArray());
    }

    /// <summary>
    /// A QConv node reading <paramref name="input"/> (uint8 or int8, [N, C, H, W]) into <paramref name="output"/>: random
    /// int8 weights [M, C/group, k, k] and int32 bias, per-channel requantization, "same" padding at stride 1.
    /// </summary>
    public static ModelBuilder QConv(this ModelBuilder builder, string input, string output, DataType type, long channels, long outputs, long kernel, long group = 1)
    {
        var random = builder.Random;
        long depth = channels / group * kernel * kernel;
        var (min, max) = Aidge.Core.Operators.Aidge.Requantization.Range(type);
        var (multipliers, shifts) = Requantization(random, outputs, depth);
        string w = builder.Fresh("w");
        string b = builder.Fresh("b");
        builder.Initializer(w, Weights(random, outputs, channels / group, kernel, kernel)).Initializer(b, Bias(random, outputs));
        long pad = kernel / 2;
        long zero = type == DataType.UInt8 ? 128 : 0;
        return builder.Node("QConv", [input, w, b], [output], ("kernel_shape", new[] { kernel, kernel }), ("pads", new[] { pad, pad, pad, pad }),
            ("group", group), ("x_zero_point", zero), ("y_zero_point", zero), ("multiplier", multipliers), ("shift", shifts), ("y_min", (long)min), ("y_max", (long)max));
    }

    /// <summary>The model's bytes, its QConv and QGemm nodes moved into the ai.aidge domain (which it then imports).</summary>
    public static byte[] Serialize(ModelBuilder builder)
    {
        var model = builder.ToProto();
        foreach (var node in model.Graph.Node.Where(n => AidgeOperators.Contains(n.OpType)))
        {
            node.Domain = AidgeDomain.Name;
        }
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = AidgeDomain.Name, Version = AidgeDomain.Version });
        return Google.Protobuf.MessageExtensions.ToByteArray(model);
    }
}
