using Aidge.Export.C;
using Aidge.Export.Hls;
using Aidge.Export.Toolchain;

namespace Aidge.Conformance.Hls;

/// <summary>
/// The conformance suite for the HLS target: every case the HLS planner claims is exported with the default options
/// (Latency, ReuseFactor 1, parallel IO), its C-simulation source (the C ABI including the design) compiled with g++
/// into one object, all linked into one library, and each run through its C ABI against the expected outputs with the
/// suite's tolerance (the shared <see cref="NativeCaseRunner"/>). Cases the planner does not claim are unsupported with
/// its reason; every claimed case must pass.
/// </summary>
public static class HlsConformance
{
    /// <summary>The HLS target as the conformance exporter sees it: the files of each design, not the shared headers nor the scripts.</summary>
    public static readonly ConformanceTarget Target = new("hls", HlsEmitters.Target,
        plan => HlsSourceEmitter.Emit(plan, HlsOptions.Default, "model.onnx").Where(f => HlsSourceEmitter.IsDesignFile(f, plan.Prefix) && !f.RelativePath.EndsWith("_tb.cpp", StringComparison.Ordinal)));

    public static IReadOnlyList<CaseResult> Run(string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, Action<CaseResult>? progress = null)
    {
        // The owned headers once for the whole batch: every case's design includes the same ones.
        var output = new OutputFolder(buildDirectory);
        foreach (var header in HlsSourceEmitter.OwnedHeaders())
        {
            output.WriteIfChanged(header.RelativePath, header.Content);
        }
        return NativeCaseRunner.RunSuite(Target, Toolchain, dataRoot, filters, buildDirectory, progress);
    }

    /// <summary>g++ (or clang++) -c per case with the C-simulation library's flags, one link.</summary>
    public static BatchToolchain Toolchain()
    {
        var compiler = CCompilerLocator.FindCxx(null, out _) ?? throw new InvalidOperationException("No C++ compiler (CXX, g++ or clang++) for the HLS conformance run.");
        return new BatchToolchain(
            Target.Name,
            compiler.Path,
            prefix => [.. CsimBuild.CodeFlags, "-c", HlsSourceEmitter.LibrarySource(prefix), "-o", $"{prefix}.o"],
            (objects, library) => ["-shared", .. objects, "-o", library, "-lm"],
            "libaidge_hls_conformance.so",
            // The standard headers of the C-simulation sources (<mutex> alone is most of a case's parse).
            new PrecompiledPrelude(["<math.h>", "<stdint.h>", "<stdlib.h>", "<string.h>", "<mutex>"], CsimBuild.CodeFlags));
    }
}
