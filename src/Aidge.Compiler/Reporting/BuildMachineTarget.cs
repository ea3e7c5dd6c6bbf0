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

    private static MachineMeasurements? Measurements(ProbeOutcome outcome, IReadOnlyDictionary<string, double> f)
    {
        string[] required =
        [
            "threads", "peak_flops_core", "peak_flops_all", "gemv_flops", "window_ops", "elementwise_ops", "call_seconds",
            "fork_seconds", "bandwidth_core", "bandwidth_all", "cache_bytes", "bandwidth_cache",
        ];
        var convolutions = Enumerable.Range(0, 3).Select(i => $"conv{i}").ToList();
        if (required.Concat(convolutions.SelectMany(c => new[] { $"{c}_seconds", $"{c}_macs", $"{c}_k", $"{c}_m" })).Any(name => !f.ContainsKey(name)))
        {
            return null;
        }
        return new MachineMeasurements(
            outcome.Cpu,
            outcome.Compiler,
            (int)f["threads"],
            f["peak_flops_core"],
            f["peak_flops_all"],
            convolutions.Select(c => new ConvolutionTiming(f[$"{c}_seconds"], f[$"{c}_macs"], (long)f[$"{c}_k"], (long)f[$"{c}_m"])).ToList(),
            f["gemv_flops"],
            f["window_ops"],
            f["elementwise_ops"],
            f["call_seconds"],
            f["fork_seconds"],
            f["bandwidth_core"],
            f["bandwidth_all"],
            f["cache_bytes"],
            f["bandwidth_cache"]);
    }
}
