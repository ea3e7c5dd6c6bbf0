using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Targets;

/// <summary>
/// <c>--target cuda</c>: one .cu per model (kernels, launchers and the host runtime behind the common C ABI), built
/// with nvcc into the same kind of shared library as the OpenMP target. Without nvcc the sources are still written
/// (to take to a GPU machine, or for the PTX check), with one warning; the manifest then says the library was not
/// built, and the generated C# class throws a clear exception when constructed.
/// </summary>
public sealed class CudaCompileTarget : ICompileTarget
{
    public string Name => "cuda";

    public TargetSources? Emit(TargetRequest request, OutputFolder folder, List<Diagnostic> diagnostics) =>
        KernelTargetSteps.Plan(request, CudaEmitters.Target, diagnostics) is { } plan
            ? KernelTargetSteps.Write(folder, plan.Abi, CudaSourceEmitter.Emit(plan, request.File, request.Options.CudaArch), request.File)
            : null;

    public NativeOutcome Build(TargetRequest request, OutputFolder folder, TargetSources sources, string library)
    {
        var nvcc = NvccLocator.Find(request.Options.Nvcc, out string? missing);
        var toolchain = new NativeToolchain("nvcc", nvcc, missing, "--nvcc / AidgeCudaPath, nvcc or the CUDA folder holding bin/nvcc",
            "set AidgeCudaPath (or --nvcc) to nvcc or to the CUDA folder, set CUDA_PATH, or put nvcc on PATH",
            DiagnosticCodes.NvccMissing, DiagnosticCodes.NoNvcc, DiagnosticCodes.NvccFailed, DiagnosticCodes.NvccTimedOut, "native/build.stamp");
        string source = sources.Files.Single(f => f.RelativePath.EndsWith(".cu", StringComparison.Ordinal)).RelativePath;
        return NativeStep.Build(folder, toolchain, library, sources.Changed, request.File,
            temporary => NvccLocator.SharedLibraryArguments(source, temporary, request.Options.CudaArch));
    }
}
