namespace Aidge.Simulation.Cost;

/// <summary>One timing of the exporter's convolution kernel: seconds per call, multiply-adds, reduction length, output channels.</summary>
public sealed record ConvolutionTiming(double Seconds, double Macs, long Reduction, long Rows);

/// <summary>
/// What the machine probe measured with the generated library's compiler and flags (see Aidge.Export's MachineProbe),
/// in SI units: FLOP/s, operations per second, bytes per second, seconds. The timed figures are medians of
/// <see cref="Rounds"/> trials spread over <see cref="SpreadSeconds"/> (the typical run, as the build's measured latency
/// is the median of its runs); <see cref="Best"/> holds the same figures from each kernel's best trial.
/// </summary>
public sealed record MachineMeasurements(
    string Cpu,
    string Compiler,
    int Threads,
    double PeakFlopsCore,
    double PeakFlopsAll,
    IReadOnlyList<ConvolutionTiming> Convolutions,
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

    /// <summary>The figures of each kernel's best trial (what the hardware does on an idle core); null when not measured.</summary>
    public MachineMeasurements? Best { get; init; }
}
