using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Aidge.Core.Tensors;

/// <summary>How a value's bits below the last fraction bit are dropped: Vitis HLS's ap_q_mode, without the AP_ prefix.</summary>
public enum FixedQuantization
{
    /// <summary>To nearest, ties toward plus infinity (AP_RND).</summary>
    Rnd,

    /// <summary>To nearest, ties toward zero (AP_RND_ZERO).</summary>
    RndZero,

    /// <summary>To nearest, ties toward minus infinity (AP_RND_MIN_INF).</summary>
    RndMinInf,

    /// <summary>To nearest, ties away from zero (AP_RND_INF).</summary>
    RndInf,

    /// <summary>To nearest, ties to even (AP_RND_CONV).</summary>
    RndConv,

    /// <summary>Toward minus infinity (AP_TRN), ap_fixed's default.</summary>
    Trn,

    /// <summary>Toward zero (AP_TRN_ZERO).</summary>
    TrnZero,
}

/// <summary>What a value too large for the format becomes: Vitis HLS's ap_o_mode, without the AP_ prefix.</summary>
public enum FixedOverflow
{
    /// <summary>The largest or smallest value (AP_SAT).</summary>
    Sat,

    /// <summary>Zero (AP_SAT_ZERO).</summary>
    SatZero,

    /// <summary>Plus or minus the largest value (AP_SAT_SYM).</summary>
    SatSym,

    /// <summary>The low W bits, two's complement (AP_WRAP), ap_fixed's default.</summary>
    Wrap,
}

/// <summary>
/// A signed fixed-point format as HLS code declares it, <c>fixed&lt;W,I&gt;</c>: W bits in all, I integer bits (sign
/// included), so a value is <c>raw · 2^-(W-I)</c>. <see cref="Quantize(double)"/> is the C# statement of the rules
/// that aidge_hls_types.h implements for C++ (and ap_fixed for Vitis): the exact value is quantized by the mode, then
/// its integer part is fitted by the overflow mode. It is computed with big integers, independently of the header's
/// 64-bit arithmetic, so each checks the other.
/// </summary>
public sealed partial record FixedPointFormat(int Width, int IntegerBits, FixedQuantization Quantization = FixedQuantization.Trn, FixedOverflow Overflow = FixedOverflow.Wrap)
{
    /// <summary>The widest format: the header holds values, and the products of two values, in 64 bits.</summary>
    public const int MaxWidth = 32;

    /// <summary>Bits after the binary point (negative when the last bit weighs more than one).</summary>
    public int FractionBits => Width - IntegerBits;

    /// <summary>The weight of one unit of the last place, 2^-(W-I).</summary>
    public double Step => Math.ScaleB(1.0, -FractionBits);

    /// <summary>How the type reads in generated code: <c>aidge::fixed&lt;16, 6&gt;</c>, with modes when not the defaults.</summary>
    public string CppType => Quantization == FixedQuantization.Trn && Overflow == FixedOverflow.Wrap
        ? $"aidge::fixed<{Width}, {IntegerBits}>"
        : $"aidge::fixed<{Width}, {IntegerBits}, aidge::{CppName(Quantization)}, aidge::{CppName(Overflow)}>";

    /// <summary>The metadata spelling: <c>fixed&lt;16,6&gt;</c> or <c>fixed&lt;16,6,RND,SAT&gt;</c>.</summary>
    public override string ToString() => Quantization == FixedQuantization.Trn && Overflow == FixedOverflow.Wrap
        ? $"fixed<{Width},{IntegerBits}>"
        : $"fixed<{Width},{IntegerBits},{CppName(Quantization)},{CppName(Overflow)}>";

    /// <summary>
    /// Reads <c>fixed&lt;W,I&gt;</c> or <c>fixed&lt;W,I,Q,O&gt;</c> (Q one of RND, RND_ZERO, RND_MIN_INF, RND_INF, RND_CONV,
    /// TRN, TRN_ZERO; O one of SAT, SAT_ZERO, SAT_SYM, WRAP; an ap_ prefix and AP_ prefixes are accepted), with
    /// 2 &lt;= W &lt;= <see cref="MaxWidth"/>; <c>fixed(W,I)</c> is the same with parentheses. Returns null and a reason
    /// when the text is not such a format.
    /// </summary>
    public static FixedPointFormat? TryParse(string text, out string? error)
    {
        error = null;
        string trimmed = text.Trim();
        int open = trimmed.IndexOf('(');
        if (open > 0 && trimmed.EndsWith(')') && trimmed.IndexOfAny(['<', '>']) < 0)
        {
            // MSBuild metadata is XML, where '<' must be written &lt;: the parentheses spare the escaping.
            trimmed = $"{trimmed[..open]}<{trimmed[(open + 1)..^1]}>";
        }
        var match = FormatPattern().Match(trimmed);
        if (!match.Success)
        {
            error = $"'{text}' is not a fixed-point format: expected fixed<W,I> or fixed<W,I,Q,O>, e.g. fixed<16,6>";
            return null;
        }
        int width = int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture);
        int integer = int.Parse(match.Groups["i"].Value, CultureInfo.InvariantCulture);
        if (width < 2 || width > MaxWidth)
        {
            error = $"'{text}': the width W must be between 2 and {MaxWidth} (products of two values are held in 64 bits)";
            return null;
        }
        if (integer < 1 - width || integer > 2 * width)
        {
            error = $"'{text}': the integer bits I must be between {1 - width} and {2 * width}";
            return null;
        }
        var quantization = FixedQuantization.Trn;
        var overflow = FixedOverflow.Wrap;
        if (match.Groups["q"].Success && !TryMode(match.Groups["q"].Value, out quantization))
        {
            error = $"'{text}': unknown quantization mode '{match.Groups["q"].Value}' (RND, RND_ZERO, RND_MIN_INF, RND_INF, RND_CONV, TRN, TRN_ZERO)";
            return null;
        }
        if (match.Groups["o"].Success && !TryMode(match.Groups["o"].Value, out overflow))
        {
            error = $"'{text}': unknown overflow mode '{match.Groups["o"].Value}' (SAT, SAT_ZERO, SAT_SYM, WRAP)";
            return null;
        }
        return new FixedPointFormat(width, integer, quantization, overflow);
    }

    /// <summary>The raw value of <paramref name="value"/> in this format (NaN gives 0; an infinity overflows).</summary>
    public long Quantize(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }
        if (double.IsInfinity(value))
        {
            return Fit(value > 0 ? BigInteger.One << 200 : BigInteger.MinusOne << 200);
        }
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        // value = ±mantissa · 2^exponent exactly (subnormals have no implicit bit and the smallest exponent).
        int exponent = biased == 0 ? -1074 : biased - 1075;
        if (biased != 0)
        {
            mantissa |= 1L << 52;
        }
        var signed = new BigInteger(value < 0 ? -mantissa : mantissa);
        return FromScaled(signed, -exponent);
    }

    /// <summary>The raw value of <c>raw · 2^-fractionBits</c> (a value of another format, or a product) in this format.</summary>
    public long FromScaled(BigInteger raw, int fractionBits)
    {
        int shift = FractionBits - fractionBits;
        if (shift >= 0)
        {
            return Fit(raw << shift);
        }
        var unit = BigInteger.One << -shift;
        var floor = BigInteger.Divide(raw - Modulo(raw, unit), unit);
        var twiceRemainder = 2 * Modulo(raw, unit);
        int half = twiceRemainder.CompareTo(unit);
        bool exact = twiceRemainder.IsZero;
        bool negative = raw.Sign < 0;
        bool up = !exact && Quantization switch
        {
            FixedQuantization.Trn => false,
            FixedQuantization.TrnZero => negative,
            FixedQuantization.Rnd => half >= 0,
            FixedQuantization.RndZero => half > 0 || (half == 0 && negative),
            FixedQuantization.RndMinInf => half > 0,
            FixedQuantization.RndInf => half > 0 || (half == 0 && !negative),
            FixedQuantization.RndConv => half > 0 || (half == 0 && !floor.IsEven),
            _ => throw new ArgumentOutOfRangeException(nameof(raw)),
        };
        return Fit(up ? floor + 1 : floor);
    }

    /// <summary>The value a raw integer of this format stands for (exact: W &lt;= 32 fits a double's mantissa).</summary>
    public double ToDouble(long raw) => Math.ScaleB(raw, -FractionBits);

    /// <summary>The value of <paramref name="value"/> after a round trip through the format.</summary>
    public double Round(double value) => ToDouble(Quantize(value));

    private long Fit(BigInteger value)
    {
        // Big integers here: the header accepts widths up to 64, where 2^(W-1) leaves a long.
        var largest = (BigInteger.One << (Width - 1)) - 1;
        if (Overflow == FixedOverflow.Wrap)
        {
            var modulus = BigInteger.One << Width;
            var low = Modulo(value, modulus);
            return (long)(low > largest ? low - modulus : low);
        }
        if (value >= -largest - 1 && value <= largest)
        {
            return (long)value;
        }
        return Overflow switch
        {
            FixedOverflow.SatZero => 0,
            FixedOverflow.SatSym => (long)(value > 0 ? largest : -largest),
            _ => (long)(value > 0 ? largest : -largest - 1),
        };
    }

    private static BigInteger Modulo(BigInteger value, BigInteger modulus)
    {
        var remainder = BigInteger.Remainder(value, modulus);
        return remainder.Sign < 0 ? remainder + modulus : remainder;
    }

    private static bool TryMode<T>(string text, out T mode) where T : struct, Enum
    {
        string name = text.Trim().ToUpperInvariant();
        name = name.StartsWith("AP_", StringComparison.Ordinal) ? name[3..] : name;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (CppName(candidate) == name)
            {
                mode = candidate;
                return true;
            }
        }
        mode = default;
        return false;
    }

    /// <summary>RndMinInf → RND_MIN_INF: the header's (and ap_fixed's, less AP_) spelling of a mode.</summary>
    private static string CppName<T>(T mode) where T : struct, Enum =>
        string.Concat(mode.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    [GeneratedRegex(@"^(?:ap_)?fixed\s*<\s*(?<w>-?\d{1,4})\s*,\s*(?<i>-?\d{1,4})\s*(?:,\s*(?<q>[A-Za-z_]+)\s*(?:,\s*(?<o>[A-Za-z_]+)\s*)?)?>$", RegexOptions.CultureInvariant)]
    private static partial Regex FormatPattern();
}
