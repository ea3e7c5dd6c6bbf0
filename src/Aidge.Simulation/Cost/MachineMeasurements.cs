namespace Aidge.Simulation.Cost;

/// <summary>One timing of the exporter's convolution kernel: seconds per call, multiply-adds, reduction length, output channels.</summary>
public sealed record ConvolutionTiming(double Seconds, double Macs, long Reduction, long Rows);

/// <summary>
/// What the machine probe measured with the generated library's compiler and flags (see Aidge.Export's MachineProbe),
/// in SI units: FLOP/s, operations per second, bytes per second, seconds.
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
    double BandwidthCache);
