namespace Aidge.Simulation.Cost.Hls;

/// <summary>The DSP slices and 18 Kib block RAMs of an FPGA part, for the estimate's utilization.</summary>
public sealed record HlsDevice(string Part, Sourced Dsp, Sourced Bram18k);

/// <summary>The parts whose capacity the estimate knows; another part gets counts without percentages.</summary>
public static class HlsDevices
{
    /// <summary>The Zynq UltraScale+ part of the ZCU104 board, the HLS target's default FpgaPart.</summary>
    public const string DefaultPart = "xczu7ev-ffvc1156-2-e";

    private const string SelectionGuide = "AMD Zynq UltraScale+ MPSoC product selection guide (XCZU7EV)";

    private static readonly HlsDevice[] Known =
    [
        new("xczu7ev", new(1728, $"{SelectionGuide}: 1,728 DSP slices"), new(624, $"{SelectionGuide}: 312 36 Kb block RAMs = 624 of 18 Kb (11 Mb)")),
    ];

    /// <summary>The device of a part name (its speed grade and package ignored), or null when it is not known.</summary>
    public static HlsDevice? Of(string part) =>
        Known.FirstOrDefault(d => part.StartsWith(d.Part, StringComparison.OrdinalIgnoreCase)) is { } device ? device with { Part = part } : null;
}
