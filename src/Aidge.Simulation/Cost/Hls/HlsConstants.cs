namespace Aidge.Simulation.Cost.Hls;

/// <summary>
/// The constants of the FPGA estimate, each with its source (AMD/Xilinx documents for UltraScale+ parts, or a stated
/// assumption where the figure depends on Vitis HLS's scheduling choices). Latencies are clock cycles.
/// </summary>
public static class HlsConstants
{
    private const string Pg060 = "AMD PG060 Floating-Point Operator (UltraScale+ resource tables; the cores Vitis HLS binds fmul/fadd to)";
    private const string Ug579 = "AMD UG579 UltraScale Architecture DSP Slice: DSP48E2 with a 27x18 two's-complement multiplier and a 48-bit accumulator";

    /// <summary>DSP slices of one fp32 multiplier.</summary>
    public static Sourced Fp32MultiplyDsp { get; } = new(3, $"{Pg060}: single-precision multiply, full DSP usage, 3 DSP48E2");

    /// <summary>DSP slices of one fp32 adder.</summary>
    public static Sourced Fp32AddDsp { get; } = new(2, $"{Pg060}: single-precision add/subtract, full DSP usage, 2 DSP48E2");

    /// <summary>DSP slices per int8 multiply-add: two products share one slice.</summary>
    public static Sourced Int8MacDsp { get; } = new(0.5, "AMD WP486 Deep Learning with INT8 Optimization on Xilinx Devices: two int8 multiply-adds sharing one input per DSP48E2");

    /// <summary>Operand widths of one DSP48E2 multiplier: a wider product tiles several slices.</summary>
    public static Sourced DspMultiplierWideInput { get; } = new(27, Ug579);

    /// <summary>The narrow operand of the DSP48E2 multiplier.</summary>
    public static Sourced DspMultiplierNarrowInput { get; } = new(18, Ug579);

    /// <summary>Cycles of a pipelined fp32 multiply.</summary>
    public static Sourced Fp32MultiplyLatency { get; } = Sourced.Assumed(4, $"Vitis HLS's fmul core at a 3 to 5 ns clock ({Pg060} allows 0 to 8 cycles, more at higher clocks)");

    /// <summary>Cycles of a pipelined fp32 add: the recurrence that bounds a float accumulation, which Vitis HLS does not reassociate.</summary>
    public static Sourced Fp32AddLatency { get; } = Sourced.Assumed(5, $"Vitis HLS's fadd core at a 3 to 5 ns clock ({Pg060} allows 0 to 11 cycles, more at higher clocks)");

    /// <summary>Cycles of a pipelined integer or fixed-point multiply-add in a DSP slice.</summary>
    public static Sourced IntegerMacLatency { get; } = new(3, $"{Ug579}: input (A/B), multiplier (M) and output (P) registers for full speed");

    /// <summary>Cycles of an fp32 transcendental or divide (exp, log, division, square root), and its DSP slices.</summary>
    public static Sourced TranscendentalLatency { get; } = Sourced.Assumed(20, "fp32 exp, divide and square-root cores take tens of cycles at 200 to 300 MHz");

    public static Sourced TranscendentalDsp { get; } = Sourced.Assumed(8, "an fp32 exponential core's range reduction and polynomial multiplies; divide and square root use fewer");

    /// <summary>Cycles a pipelined loop costs each time it is entered and left.</summary>
    public static Sourced LoopEntryCycles { get; } = Sourced.Assumed(2, "one cycle to enter and one to leave a pipelined loop in Vitis HLS's schedule");

    /// <summary>Arrays of at most this many elements become registers.</summary>
    public static Sourced RegisterArrayElements { get; } = Sourced.Assumed(4, "Vitis HLS partitions arrays this small completely (config_array_partition's complete threshold)");

    /// <summary>Arrays of at most this many bits go to LUT RAM or registers, not block RAM.</summary>
    public static Sourced LutRamBits { get; } = Sourced.Assumed(1024, "Vitis HLS binds memories this small to distributed (LUT) RAM rather than spend an 18 Kib block");

    /// <summary>Bits of one RAMB18E2 and its aspect ratios: width x depth.</summary>
    public static Sourced BramBits { get; } = new(18 * 1024, "AMD UG573 UltraScale Architecture Memory Resources: RAMB18E2, 18 Kib as 16K x 1, 8K x 2, 4K x 4, 2K x 9, 1K x 18 or 512 x 36 (simple dual-port)");

    /// <summary>Every constant with its name, in a stable order, for the report.</summary>
    public static IEnumerable<(string Name, Sourced Value)> All()
    {
        yield return ("fp32MultiplyDsp", Fp32MultiplyDsp);
        yield return ("fp32AddDsp", Fp32AddDsp);
        yield return ("int8MacDsp", Int8MacDsp);
        yield return ("dspMultiplierWideInputBits", DspMultiplierWideInput);
        yield return ("dspMultiplierNarrowInputBits", DspMultiplierNarrowInput);
        yield return ("fp32MultiplyLatencyCycles", Fp32MultiplyLatency);
        yield return ("fp32AddLatencyCycles", Fp32AddLatency);
        yield return ("integerMacLatencyCycles", IntegerMacLatency);
        yield return ("transcendentalLatencyCycles", TranscendentalLatency);
        yield return ("transcendentalDsp", TranscendentalDsp);
        yield return ("loopEntryCycles", LoopEntryCycles);
        yield return ("registerArrayElements", RegisterArrayElements);
        yield return ("lutRamBits", LutRamBits);
        yield return ("bram18Bits", BramBits);
    }
}
