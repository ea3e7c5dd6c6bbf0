using System.Globalization;

namespace Aidge.Simulation.Cost;

/// <summary>
/// The build machine's descriptor, from the probe's measurements (or, without a C compiler to build the probe, a
/// labelled fallback). Peaks, efficiencies, overheads and bandwidth are all measured; energies are not (no power
/// counters) and come from <see cref="EnergyReferences"/>.
/// </summary>
public static class BuildMachine
{
    /// <param name="parallelGrain">The generated code's work per thread (see the OpenMP exporter's threads rule).</param>
    /// <remarks>
    /// The timed figures are the probe's best trials: the descriptor predicts the library on cores it has to itself,
    /// which the build's best run measures, while the median run also carries the load of the moment (on a shared
    /// machine, minutes at 1.5 to 2 times slower). Each source gives the median trial beside the best, so a reader
    /// sees how far the machine's load moved it.
    /// </remarks>
    public static TargetDescriptor Describe(MachineMeasurements m, long parallelGrain)
    {
        var fit = MatrixFit.Solve(m.Convolutions);
        var medianFit = m.Medians is null ? null : MatrixFit.Solve(m.Medians.Convolutions);
        // The convolution kernel and the FMA loop are both the FMA clone: the faster of them is the peak.
        double peak = Math.Max(m.PeakFlopsCore, 2 / fit.SecondsPerMac);
        string trials = m.Rounds > 1 ? Invariant($"best of {m.Rounds} trials spread over {m.SpreadSeconds:0.#} s") : "one trial";
        string convs = string.Join(", ", m.Convolutions.Select(c => Invariant($"K={c.Reduction} M={c.Rows}: {c.Seconds * 1e6:0.#} us")));
        string kernel = $"the exporter's convolution kernel (3x3, 16x16; {trials}: {convs}) fitted as time = MACs x (a + b/K + p/M)";
        double effective = Math.Clamp(SpeedUp(m), 1, m.Threads);
        return new TargetDescriptor(
            m.Cpu,
            $"{m.Cpu} ({m.Threads} threads), {m.Compiler}",
            Sourced.Measured(m.Threads, "OpenMP's default thread count"),
            Sourced.Measured(effective, Invariant($"the exporter's convolution kernel (K={m.ConvolutionAll.Reduction} M={m.ConvolutionAll.Rows}) on all {m.Threads} threads: {m.ConvolutionAll.Macs / m.ConvolutionAll.Seconds / 1e9:0.##} GMAC/s against {m.Convolutions[0].Macs / m.Convolutions[0].Seconds / 1e9:0.##} on one ({trials}{Median(SpeedUp, "0.##")} for the ratio)")),
            Sourced.Measured(peak, Invariant($"an FMA-bound loop compiled as the library's kernels (AIDGE_FAST), {trials}: {m.PeakFlopsCore / 1e9:0.#} GFLOP/s{Median(t => t.PeakFlopsCore / 1e9, "0.#")}; the convolution kernel's asymptote 2/a: {2 / fit.SecondsPerMac / 1e9:0.#}")),
            Sourced.Assumed(peak, "the probe does not time int8 kernels yet; without VNNI, int8 products widen to 16 bits and run at about the float32 FMA rate"),
            Sourced.Measured(Math.Max(m.BandwidthCore, m.BandwidthAll), Invariant($"memcpy of 64 MiB (read + write), median of 5 copies, one thread {m.BandwidthCore / 1e9:0.#} GB/s, all {m.BandwidthAll / 1e9:0.#} GB/s")),
            new(m.CacheBytes, "the operating system: the largest cache of core 0"),
            Sourced.Measured(m.BandwidthCache, $"memcpy (read + write) within an eighth of that cache, one thread, {trials}{Median(t => t.BandwidthCache / 1e9, "0.#")} GB/s"),
            Sourced.Measured(m.CallSeconds, $"one call of the exporter's pooling kernel on one element (its OpenMP region on one thread), {trials}{Median(t => t.CallSeconds * 1e6, "0.###")} us"),
            Sourced.Measured(m.ForkSeconds, $"an empty OpenMP parallel region on {m.Threads} threads, {trials}{Median(t => t.ForkSeconds * 1e6, "0.###")} us"),
            new(parallelGrain, "the generated code's rule (aidge_threads_for): one thread per AIDGE_GRAIN of work, one thread below two"),
            EnergyReferences.Fp32Mac,
            EnergyReferences.Int8Mac,
            EnergyReferences.DramByte,
            new ClassEfficiency(
                Sourced.Measured(2 / fit.SecondsPerMac / peak, kernel + Invariant($": 2/a = {2 / fit.SecondsPerMac / 1e9:0.#} GFLOP/s over the peak") + (medianFit is null ? "" : Invariant($" (median trials: 2/a = {2 / medianFit.SecondsPerMac / 1e9:0.#})"))),
                Sourced.Measured(fit.SecondsPerTile / fit.SecondsPerMac, kernel + ": b/a"),
                Sourced.Measured(fit.SecondsPerPacked / fit.SecondsPerMac, kernel + ": p/a"),
                Sourced.Measured(m.MatrixVectorFlops / peak, Invariant($"the exporter's GEMM at 1x64x512 (its dot-product path), {trials}: {m.MatrixVectorFlops / 1e9:0.##} GFLOP/s{Median(t => t.MatrixVectorFlops / 1e9, "0.##")}")),
                Sourced.Measured(m.WindowOps / peak, Invariant($"the exporter's pooling kernel, 2x2 max over 32 planes of 16x16, {trials}: {m.WindowOps / 1e9:0.###} G reads/s{Median(t => t.WindowOps / 1e9, "0.###")}")),
                Sourced.Measured(m.ElementwiseOps / peak, Invariant($"a Relu loop as the emitter writes it, 2048 elements, {trials}: {m.ElementwiseOps / 1e9:0.##} G elements/s{Median(t => t.ElementwiseOps / 1e9, "0.##")}"))),
            Measured: true);

        // "; median trial X" in the figure's unit, when the probe kept its median trials.
        string Median(Func<MachineMeasurements, double> figure, string format) =>
            m.Medians is { } trial ? "; median trial " + figure(trial).ToString(format, CultureInfo.InvariantCulture) : "";
    }

    /// <summary>The convolution's multiply-adds per second on all threads over those on one.</summary>
    private static double SpeedUp(MachineMeasurements m) =>
        m.ConvolutionAll.Macs / m.ConvolutionAll.Seconds / (m.Convolutions[0].Macs / m.Convolutions[0].Seconds);

    /// <summary>
    /// A descriptor for a machine the probe could not measure (no C compiler, or the probe failed): a generic x86-64
    /// or Arm core, every constant labelled as an assumption, with the reason in the description.
    /// </summary>
    public static TargetDescriptor Fallback(string cpu, int cores, long parallelGrain, string reason)
    {
        var generic = ReferenceTargets.RaspberryPi4();
        return generic with
        {
            Name = cpu,
            Description = $"{cpu} ({cores} threads): NOT MEASURED ({reason}); generic figures",
            Cores = new(cores, "Environment.ProcessorCount"),
            EffectiveCores = Sourced.Assumed(cores, "every core runs at full speed"),
            PeakFp32FlopsPerCore = Sourced.Assumed(32e9, "not measured: a 2 GHz core with two 4-wide FMA units (16 FLOP/cycle)"),
            Int8OpsPerCore = Sourced.Assumed(32e9, "not measured: as the float32 peak"),
            MemoryBandwidth = Sourced.Assumed(10e9, "not measured: one DDR4 channel's sustained copy bandwidth"),
            CacheBytes = Sourced.Assumed(1 << 20, "not measured: 1 MiB"),
            CacheBandwidth = Sourced.Assumed(50e9, "not measured: about 16 bytes per cycle at 3 GHz"),
            NodeOverhead = Sourced.Assumed(0.5e-6, "not measured: a kernel call with its OpenMP region"),
            ForkOverhead = Sourced.Assumed(2e-6, "not measured: waking the OpenMP workers"),
            ParallelGrain = new(parallelGrain, "the generated code's rule (aidge_threads_for)"),
            Measured = false,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
