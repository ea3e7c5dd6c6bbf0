using Aidge.Core.Diagnostics;
using Aidge.Export.Plan;
using Aidge.Export.Toolchain;
using Aidge.Simulation.Cost;

namespace Aidge.Compiler.Reporting;

/// <summary>
/// The build machine's target descriptor: the machine probe's figures (measured once per machine and toolchain, then
/// read from the cache) turned into a <see cref="TargetDescriptor"/>; without a C compiler, or when the probe fails,
/// a fallback labelled as not measured (the failure is warning AIDGE3030). The probe is compiled at the library's
/// optimization level, so it measures the code the build produces.
/// </summary>
public static class BuildMachineTarget
{
    public static TargetDescriptor Describe(string? explicitCompiler, string optimize, int threads, string file, List<Diagnostic> diagnostics)
    {
        int cores = threads > 0 ? threads : Environment.ProcessorCount;
        var compiler = CCompilerLocator.Find(explicitCompiler, out _);
        if (compiler is null)
        {
            // The native step already warned about the missing compiler.
            return BuildMachine.Fallback(MachineProbe.CpuModel(), cores, NodeWork.Grain, "no C compiler to build the machine probe");
        }
        var outcome = MachineProbe.Measure(compiler, optimize, MachineProbe.DefaultCacheFolder());
        if (outcome.Figures is not { } figures || Measurements(outcome, figures) is not { } measurements)
        {
            string why = outcome.Failure ?? "the probe's output lacks a figure";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MachineProbeFailed,
                $"The build machine could not be measured for the report's cost estimate: {why}. The estimate uses generic figures; check the C compiler ({compiler.Path}).", file));
            return BuildMachine.Fallback(outcome.Cpu, cores, NodeWork.Grain, why);
        }
        var descriptor = BuildMachine.Describe(measurements, NodeWork.Grain);
        return threads > 0 ? descriptor with { Cores = new(threads, "--threads") } : descriptor;
    }

    /// <summary>The figures the probe times, each a best trial with the median beside it ("name_median").</summary>
    private static readonly string[] Timed =
    [
        "peak_flops_core", "conv0_seconds", "conv1_seconds", "conv2_seconds", "conv_all_seconds", "gemv_flops", "window_ops",
        "elementwise_ops", "call_seconds", "fork_seconds", "bandwidth_cache",
    ];

    private static readonly string[] Untimed =
    [
        "threads", "rounds", "spread_seconds", "bandwidth_core", "bandwidth_all", "cache_bytes",
        "conv0_macs", "conv0_k", "conv0_m", "conv1_macs", "conv1_k", "conv1_m", "conv2_macs", "conv2_k", "conv2_m", "conv_all_macs",
    ];

    /// <summary>The best trials, with the medians as <see cref="MachineMeasurements.Medians"/>; null when a figure is missing.</summary>
    private static MachineMeasurements? Measurements(ProbeOutcome outcome, IReadOnlyDictionary<string, double> f)
    {
        if (Timed.SelectMany(name => new[] { name, name + "_median" }).Concat(Untimed).Any(name => !f.ContainsKey(name)))
        {
            return null;
        }
        return Read("") with { Medians = Read("_median") };

        MachineMeasurements Read(string suffix)
        {
            double Figure(string name) => f[Timed.Contains(name) ? name + suffix : name];
            return new MachineMeasurements(
                outcome.Cpu,
                outcome.Compiler,
                (int)f["threads"],
                Figure("peak_flops_core"),
                Enumerable.Range(0, 3).Select(i => new ConvolutionTiming(Figure($"conv{i}_seconds"), f[$"conv{i}_macs"], (long)f[$"conv{i}_k"], (long)f[$"conv{i}_m"])).ToList(),
                new ConvolutionTiming(Figure("conv_all_seconds"), f["conv_all_macs"], (long)f["conv0_k"], (long)f["conv0_m"]),
                Figure("gemv_flops"),
                Figure("window_ops"),
                Figure("elementwise_ops"),
                Figure("call_seconds"),
                Figure("fork_seconds"),
                f["bandwidth_core"],
                f["bandwidth_all"],
                f["cache_bytes"],
                Figure("bandwidth_cache"))
            {
                Rounds = (int)f["rounds"],
                SpreadSeconds = f["spread_seconds"],
            };
        }
    }
}
