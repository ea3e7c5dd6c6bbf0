using Aidge.Export.C;
using Aidge.Export.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Conformance.Cuda;

/// <summary>
/// The conformance suite through the CUDA target's kernels, run on the CPU: export every case the CUDA emitter
/// registry supports, build all of them in emulation (aidge_cuda.h's AIDGE_CUDA_EMULATE: one g++ -c per case, one
/// link; see <see cref="CudaEmulatedBuild"/>), run each through its C ABI and compare with the expected outputs as the
/// OpenMP run does. PTX proves the device code compiles; this proves what it computes, launch geometry, shared-memory
/// tiles and barriers included. Cases the exporter does not claim are unsupported with the planner's reason.
/// </summary>
public static class CudaEmulatedConformance
{
    /// <summary>The CUDA target as the conformance exporter sees it; the shared header is written once per batch, not per case.</summary>
    public static readonly ConformanceTarget Target = new("cuda-emulated", CudaEmitters.Target,
        plan => CudaSourceEmitter.Emit(plan, "model.onnx").Where(f => f.RelativePath != CudaSourceEmitter.HeaderFile));

    public static IReadOnlyList<CaseResult> Run(string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, Action<CaseResult>? progress = null)
    {
        var header = CudaSourceEmitter.Header();
        new OutputFolder(buildDirectory).WriteIfChanged(header.RelativePath, header.Content);
        return NativeCaseRunner.RunSuite(Target, Toolchain, dataRoot, filters, buildDirectory, progress);
    }

    /// <summary>g++ (or clang++) in emulation: each case's .cu compiled as C++ with OpenMP, then one link.</summary>
    private static BatchToolchain Toolchain()
    {
        var compiler = CCompilerLocator.FindCxx(null, out _) ?? throw new InvalidOperationException("No C++ compiler (CXX, g++ or clang++) for the emulated CUDA conformance run.");
        return new BatchToolchain(
            Target.Name,
            compiler.Path,
            prefix => CudaEmulatedBuild.ObjectArguments(CudaSourceEmitter.SourceFile(prefix), $"{prefix}.o"),
            CudaEmulatedBuild.LinkArguments,
            "libaidge_cuda_emulated_conformance.so",
            new PrecompiledPrelude([$"\"{CudaSourceEmitter.HeaderFile}\"", "<stdlib.h>", "<string.h>"], CudaEmulatedBuild.CodeFlags));
    }
}
