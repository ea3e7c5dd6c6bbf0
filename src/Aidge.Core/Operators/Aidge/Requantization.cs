using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Aidge;

/// <summary>
/// The integer arithmetic of QConv and QGemm, shared by the simulator, the passes that build them and (written the
/// same way in C) the exporter. Everything after the float → int8/uint8 boundary is integer, so every backend that
/// follows these formulas produces the same bits:
/// <code>
/// acc = Σ (x − x_zp)·w + bias                                   (int32)
/// y   = clamp(y_zp + RoundShift((long)acc · multiplier, 31 + shift), y_min, y_max)
/// RoundShift(v, n) = (v + 2^(n−1)) >> n                          (arithmetic shift: ties round up)
/// </code>
/// The real multiplier x_scale·w_scale/y_scale is represented as multiplier · 2^−(31 + shift) with multiplier in
/// [2^30, 2^31), which keeps 31 significant bits whatever the magnitude of the scale ratio.
/// </summary>
public static class Requantization
{
    /// <summary>The smallest multiplier: 2^30 (a normalized 31-bit mantissa).</summary>
    public const long MinMultiplier = 1L << 30;

    /// <summary>One past the largest multiplier: 2^31.</summary>
    public const long MultiplierLimit = 1L << 31;

    /// <summary>The smallest total right shift 31 + shift.</summary>
    public const int MinTotalShift = 1;

    /// <summary>
    /// The largest total right shift 31 + shift. With |acc| ≤ 2^31 and multiplier &lt; 2^31 the product stays below
    /// 2^62, so adding the rounding half 2^61 cannot overflow a 64-bit integer.
    /// </summary>
    public const int MaxTotalShift = 62;

    /// <summary>v / 2^n rounded to nearest, ties toward +∞ (n ≥ 1).</summary>
    public static long RoundShift(long value, int bits) => (value + (1L << (bits - 1))) >> bits;

    /// <summary>Maps one int32 accumulator to the output domain.</summary>
    public static int Requantize(int accumulator, int multiplier, int shift, int outputZeroPoint, int min, int max)
    {
        long scaled = RoundShift((long)accumulator * multiplier, 31 + shift);
        return (int)Math.Clamp(outputZeroPoint + scaled, min, max);
    }

    /// <summary>
    /// The (multiplier, shift) closest to a positive real multiplier: its mantissa in [0.5, 1) scaled by 2^31 and
    /// rounded to nearest. Ratios below 2^−32 map to the smallest representable one, 2^−32: any int32 accumulator
    /// times either is below one half, so the output is y_zp both ways (up to a tie at exactly 2^31). Ratios of 2^30
    /// or more are not meaningful scales and are rejected.
    /// </summary>
    public static (int Multiplier, int Shift) FromReal(double realMultiplier)
    {
        if (!double.IsFinite(realMultiplier) || realMultiplier <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(realMultiplier), realMultiplier, "A requantization multiplier must be a positive finite number.");
        }
        // realMultiplier = mantissa · 2^exponent with mantissa in [0.5, 1).
        int exponent = Math.ILogB(realMultiplier) + 1;
        long multiplier = (long)Math.Round(Math.ScaleB(realMultiplier, 31 - exponent), MidpointRounding.ToEven);
        if (multiplier == MultiplierLimit)
        {
            multiplier /= 2;
            exponent++;
        }
        int totalShift = 31 - exponent;
        if (totalShift > MaxTotalShift)
        {
            return ((int)MinMultiplier, MaxTotalShift - 31);
        }
        if (totalShift < MinTotalShift)
        {
            throw new ArgumentOutOfRangeException(nameof(realMultiplier), realMultiplier, "A requantization multiplier must be below 2^30.");
        }
        return ((int)multiplier, totalShift - 31);
    }

    /// <summary>The real number that (multiplier, shift) represents.</summary>
    public static double ToReal(int multiplier, int shift) => Math.ScaleB(multiplier, -(31 + shift));

    /// <summary>
    /// A float into the quantized domain: clamp(round(x / scale) + zero_point, min, max), the division in float32 and
    /// ties to even, exactly as QuantizeLinear and C's <c>nearbyintf(x / scale)</c> under the default rounding mode.
    /// NaN becomes 0 (clamped), as the simulator's QuantizeLinear's saturating conversion gives.
    /// </summary>
    public static int Quantize(float x, float scale, int zeroPoint, int min, int max)
    {
        float rounded = MathF.Round(x / scale, MidpointRounding.ToEven);
        return float.IsNaN(rounded) ? Math.Clamp(0, min, max) : (int)Math.Clamp((double)rounded + zeroPoint, min, max);
    }

    /// <summary>The representable range of an activation type: [0, 255] for uint8, [−128, 127] for int8.</summary>
    public static (int Min, int Max) Range(DataType type) => type switch
    {
        DataType.UInt8 => (byte.MinValue, byte.MaxValue),
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Quantized activations are uint8 or int8."),
    };
}
