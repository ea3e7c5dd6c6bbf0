using Aidge.Export.OpenMp;
using Aidge.Export.Toolchain;

namespace Aidge.Conformance.OpenMp;

/// <summary>
/// The conformance suite for the OpenMP target: export every case whose operators the emitter registry supports,
/// compile them all into one library, run each through its C ABI and compare with the expected outputs. Cases the
/// exporter does not claim are unsupported with the planner's reason; every claimed case must pass.
/// </summary>
public static class OpenMpConformance
{
    /// <summary>The OpenMP target as the conformance exporter sees it.</summary>
    public static readonly ConformanceTarget Target = new("openmp", OpenMpEmitters.Target, plan => OpenMpSourceEmitter.Emit(plan, "model.onnx"));

    public static IReadOnlyList<CaseResult> Run(string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, Action<CaseResult>? progress = null) =>
        NativeCaseRunner.RunSuite(Target, Toolchain, dataRoot, filters, buildDirectory, progress);

    /// <summary>gcc (or clang) -c per case, one link with OpenMP.</summary>
    private static BatchToolchain Toolchain()
    {
        var compiler = CCompilerLocator.Find(null, out _) ?? throw new InvalidOperationException("No C compiler (CC, gcc or clang) for the OpenMP conformance run.");
        return new BatchToolchain(
            Target.Name,
            compiler.Path,
            prefix => ["-std=c99", "-O2", "-fopenmp", "-fPIC", "-fvisibility=hidden", "-Wa,-I.", "-c", $"{prefix}.c", "-o", $"{prefix}.o"],
            (objects, library) => ["-shared", "-fopenmp", .. objects, "-o", library, "-lm"],
            "libaidge_conformance.so");
    }
}
