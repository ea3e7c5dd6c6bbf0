using System.Globalization;
using Aidge.Core.Tensors;

namespace Aidge.Export.Hls;

/// <summary>How the layers share multipliers and where weights live (hls4ml's two strategies).</summary>
public enum HlsStrategy
{
    /// <summary>Inner (reduction) loops pipelined at II=1 and unrolled by the reuse factor; weights partitioned into registers.</summary>
    Latency,

    /// <summary>Per-output loops pipelined at II=ReuseFactor; weights kept in block RAM.</summary>
    Resource,
}

/// <summary>How layers pass tensors: whole arrays, or FIFOs between layers running as a dataflow pipeline.</summary>
public enum HlsIOType
{
    Parallel,
    Stream,
}

/// <summary>
/// The item metadata of the HLS target: ReuseFactor (how many multiplications share one multiplier: a layer's unroll
/// factor is its reduction length divided by it), Strategy, IOType, the clock period in ns for <c>create_clock</c>,
/// and the FPGA part for <c>set_part</c>. <see cref="Parse"/> checks the texts the build passes. <see cref="Precision"/>
/// (the Precision metadata, read by <see cref="ParsePrecision"/>) makes the float layers compute in fixed point.
/// </summary>
public sealed record HlsOptions(int ReuseFactor = 1, HlsStrategy Strategy = HlsStrategy.Latency, HlsIOType IOType = HlsIOType.Parallel, double ClockPeriod = HlsOptions.DefaultClockPeriod, string FpgaPart = HlsOptions.DefaultFpgaPart)
{
    /// <summary>The data format of a fixed-point design (activations and weights); null: the float layers stay fp32.</summary>
    public FixedPointFormat? Precision { get; init; }

    /// <summary>
    /// Reads the Precision metadata: empty is null (float); otherwise <c>fixed&lt;W,I&gt;</c> or <c>fixed&lt;W,I,Q,O&gt;</c>,
    /// the ap_fixed spelling accepted too (<see cref="FixedPointFormat.TryParse"/>). Returns false with the reason when the
    /// text is not such a format.
    /// </summary>
    public static bool ParsePrecision(string? text, out FixedPointFormat? precision, out string? error)
    {
        precision = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        precision = FixedPointFormat.TryParse(text, out error);
        return precision is not null;
    }

    /// <summary>5 ns (200 MHz): a clock every UltraScale+ part meets for float arithmetic with Vitis HLS's default latencies.</summary>
    public const double DefaultClockPeriod = 5;

    /// <summary>The Zynq UltraScale+ part of the ZCU104 board, a common Vitis HLS evaluation target.</summary>
    public const string DefaultFpgaPart = "xczu7ev-ffvc1156-2-e";

    /// <summary>The largest reuse factor accepted: far beyond any layer's reduction length, it only guards typos.</summary>
    public const int MaxReuseFactor = 1 << 20;

    public static HlsOptions Default { get; } = new();

    /// <summary>
    /// Reads the metadata texts (null or empty = the default). Returns null and sets <paramref name="error"/> (naming the
    /// bad value and what is allowed) when one does not parse.
    /// </summary>
    public static HlsOptions? Parse(string? reuseFactor, string? strategy, string? ioType, string? clockPeriod, string? fpgaPart, out string? error)
    {
        error = null;
        var options = Default;
        if (!string.IsNullOrWhiteSpace(reuseFactor))
        {
            if (!int.TryParse(reuseFactor.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int reuse) || reuse < 1 || reuse > MaxReuseFactor)
            {
                error = $"ReuseFactor '{reuseFactor}' is not valid: expected a whole number from 1 to {MaxReuseFactor}.";
                return null;
            }
            options = options with { ReuseFactor = reuse };
        }
        if (!string.IsNullOrWhiteSpace(strategy))
        {
            if (!Enum.TryParse(strategy.Trim(), ignoreCase: true, out HlsStrategy parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(strategy.Trim()[0]))
            {
                error = $"Strategy '{strategy}' is not valid: expected Latency or Resource.";
                return null;
            }
            options = options with { Strategy = parsed };
        }
        if (!string.IsNullOrWhiteSpace(ioType))
        {
            if (!Enum.TryParse(ioType.Trim(), ignoreCase: true, out HlsIOType parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(ioType.Trim()[0]))
            {
                error = $"IOType '{ioType}' is not valid: expected parallel or stream.";
                return null;
            }
            options = options with { IOType = parsed };
        }
        if (!string.IsNullOrWhiteSpace(clockPeriod))
        {
            if (!double.TryParse(clockPeriod.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double period) || !double.IsFinite(period) || period <= 0 || period > 1000)
            {
                error = $"ClockPeriod '{clockPeriod}' is not valid: expected a period in nanoseconds, greater than 0 and at most 1000 (e.g. 5 for 200 MHz).";
                return null;
            }
            options = options with { ClockPeriod = period };
        }
        if (!string.IsNullOrWhiteSpace(fpgaPart))
        {
            // The part lands in a Tcl command: letters, digits and dashes only, so it cannot end the command or quote.
            string part = fpgaPart.Trim();
            if (!part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                error = $"FpgaPart '{fpgaPart}' is not valid: expected a Xilinx part name such as {DefaultFpgaPart} (letters, digits, '-', '_' and '.').";
                return null;
            }
            options = options with { FpgaPart = part };
        }
        return options;
    }

    /// <summary>The clock period as the Tcl script and the report write it (invariant culture, no trailing zeros).</summary>
    public string ClockPeriodText => ClockPeriod.ToString("0.###", CultureInfo.InvariantCulture);
}
