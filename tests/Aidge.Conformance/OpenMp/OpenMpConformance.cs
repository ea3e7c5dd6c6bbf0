using System.Runtime.InteropServices;
using Aidge.Export.C;
using Aidge.Export.Toolchain;

namespace Aidge.Conformance.OpenMp;

/// <summary>
/// The conformance suite for the OpenMP target: export every case whose operators the emitter registry supports,
/// compile them all into one library, run each through its C ABI and compare with the expected outputs. Cases the
/// exporter does not claim are unsupported with the planner's reason; every claimed case must pass.
/// </summary>
public static class OpenMpConformance
{
    public static IReadOnlyList<CaseResult> Run(string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, Action<CaseResult>? progress = null)
    {
        var cases = ConformanceSuite.Cases(dataRoot, filters);
        var scope = new CIdentifierScope();
        // Prefixes are assigned in case order before the parallel export, so the batch is the same on every run.
        var prefixes = cases.Select(c => scope.Claim($"{c.Folder}_{Path.GetFileName(c.Directory)}")).ToList();
        var output = new OutputFolder(buildDirectory);
        var results = new CaseResult?[cases.Count];
        var exported = new ExportedCase?[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            (exported[i], results[i]) = CaseExporter.Export(cases[i].Folder, cases[i].Directory, prefixes[i], output);
        });
        var claimed = exported.OfType<ExportedCase>().ToList();
        if (claimed.Count > 0)
        {
            RunClaimed(claimed, buildDirectory, cases, results);
        }
        var final = results.Select(r => r!).ToList();
        final.ForEach(r => progress?.Invoke(r));
        return final;
    }

    private static void RunClaimed(List<ExportedCase> claimed, string buildDirectory, IReadOnlyList<(string Folder, string Directory)> cases, CaseResult?[] results)
    {
        var compiler = CCompilerLocator.Find(null, out _) ?? throw new InvalidOperationException("No C compiler (CC, gcc or clang) for the OpenMP conformance run.");
        var (library, failures) = BatchCompiler.Build(buildDirectory, claimed.Select(c => c.Plan.Prefix).ToList(), compiler.Path);
        nint handle = library is null ? 0 : NativeLibrary.Load(library);
        var index = cases.Select((c, i) => (c, i)).ToDictionary(p => (p.c.Folder, Path.GetFileName(p.c.Directory)), p => p.i);
        Parallel.ForEach(claimed, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            results[index[(c.Folder, c.Case)]] = failures.TryGetValue(c.Plan.Prefix, out string? why)
                ? new CaseResult(c.Folder, c.Case, CaseStatus.Failed, why)
                : NativeCaseRunner.Run(handle, c);
        });
    }
}
