namespace Aidge.Simulation.Cost;

/// <summary>One timing of the exporter's convolution kernel: seconds per call, multiply-adds, reduction length, output channels.</summary>
public sealed record ConvolutionTiming(double Seconds, double Macs, long Reduction, long Rows);

/// <summary>
/// What the machine probe measured with the generated library's compiler and flags (see Aidge.Export's MachineProbe),
/// in SI units: FLOP/s, operations per second, bytes per second, seconds. The timed figures are each kernel's best of
/// <see cref="Rounds"/> trials spread over <see cref="SpreadSeconds"/>: what the hardware does for code that has its
/// cores to itself, which on a shared machine stays put while the typical trial moves with the other guests' load.
/// <see cref="Medians"/> holds the same figures from the median trials, to show what that load costs.
/// </summary>
/// <param name="ConvolutionAll">The channels of the first of <paramref name="Convolutions"/> on all <paramref name="Threads"/>, over a map large enough to give each thread work of its own.</param>
public sealed record MachineMeasurements(
    string Cpu,
    string Compiler,
    int Threads,
    double PeakFlopsCore,
    IReadOnlyList<ConvolutionTiming> Convolutions,
    ConvolutionTiming ConvolutionAll,
    double MatrixVectorFlops,
    double WindowOps,
    double ElementwiseOps,
    double CallSeconds,
    double ForkSeconds,
    double BandwidthCore,
    double BandwidthAll,
    double CacheBytes,
    double BandwidthCache)
{
    /// <summary>Trials per timed figure (1: a single measurement).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>The wall time the trials were spread over.</summary>
    public double SpreadSeconds { get; init; }

    /// <summary>The figures of each kernel's median trial (what a run gets under the machine's load); null when not measured.</summary>
    public MachineMeasurements? Medians { get; init; }
}
