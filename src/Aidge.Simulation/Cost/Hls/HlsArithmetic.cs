using Aidge.Core.Tensors;

namespace Aidge.Simulation.Cost.Hls;

/// <summary>The kinds of numbers an HLS layer computes with, which decide its DSP slices and latencies.</summary>
public enum HlsNumberKind
{
    /// <summary>IEEE fp32: floating-point operator cores.</summary>
    Float,

    /// <summary>Integers (int8 operands of quantized layers, their int32 accumulators).</summary>
    Integer,

    /// <summary>aidge::fixed / ap_fixed: integer hardware on the scaled values.</summary>
    Fixed,
}

/// <summary>A layer's arithmetic: the kind of numbers and their width in bits (32 for fp32).</summary>
public sealed record HlsArithmetic(HlsNumberKind Kind, int Width)
{
    public static HlsArithmetic Float32 { get; } = new(HlsNumberKind.Float, 32);

    public static HlsArithmetic Int8 { get; } = new(HlsNumberKind.Integer, 8);

    /// <summary>How a value of element type <paramref name="type"/> is held: floats become the precision when one is set.</summary>
    public static HlsArithmetic Of(DataType type, FixedPointFormat? precision) => type switch
    {
        DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16 =>
            precision is null ? Float32 : new HlsArithmetic(HlsNumberKind.Fixed, precision.Width),
        _ => new HlsArithmetic(HlsNumberKind.Integer, Math.Max(1, type.SizeOf()) * 8),
    };

    public override string ToString() => Kind switch
    {
        HlsNumberKind.Float => "fp32",
        HlsNumberKind.Integer => $"int{Width}",
        _ => $"fixed{Width}",
    };
}
