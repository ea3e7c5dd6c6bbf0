using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Cuda;
using Aidge.Export.Kernels;
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
    private static readonly ToolchainCodes Nvcc = new("nvcc", DiagnosticCodes.NvccFailed, DiagnosticCodes.NvccTimedOut);

    public string Name => "cuda";

    public TargetSources? Emit(TargetRequest request, OutputFolder folder, List<Diagnostic> diagnostics)
    {
        var memory = KernelMemory.Plan(request.Graph, request.Known, CudaEmitters.Target);
        var planned = KernelPlanner.Plan(request.Graph, request.Known, memory, request.Prefix, CudaEmitters.Target, request.File);
        diagnostics.AddRange(planned.Diagnostics);
        if (planned.Plan is null)
        {
            return null;
        }
        var files = CudaSourceEmitter.Emit(planned.Plan, request.File, request.Options.CudaArch);
        bool changed = false;
        foreach (var generated in files)
        {
            changed |= folder.WriteIfChanged(Path.Combine("native", generated.RelativePath), generated.Content, request.File);
        }
        return new TargetSources(planned.Plan.Abi, files, changed);
    }

    public NativeOutcome Build(TargetRequest request, OutputFolder folder, TargetSources sources, string library)
    {
        string file = request.File;
        var nvcc = NvccLocator.Find(request.Options.Nvcc, out string? explicitMissing);
        if (explicitMissing is not null)
        {
            string message = $"The nvcc '{explicitMissing}' (--nvcc / AidgeCudaPath) does not exist, nor is it a CUDA folder holding bin/nvcc; fix the path or leave it empty to search CUDA_PATH and PATH.";
            return new NativeOutcome(false, message, [Diagnostic.Error(DiagnosticCodes.NvccMissing, message, file)]);
        }
        if (nvcc is null)
        {
            const string message = "no nvcc found: set AidgeCudaPath (or --nvcc) to nvcc or to the CUDA folder, set CUDA_PATH, or put nvcc on PATH";
            return new NativeOutcome(false, message, [Diagnostic.Warning(DiagnosticCodes.NoNvcc, $"The CUDA library was not built: {message}. The CUDA sources are in {folder.PathOf("native")}.", file)]);
        }
        string source = sources.Files.Single(f => f.RelativePath.EndsWith(".cu", StringComparison.Ordinal)).RelativePath;
        var arguments = NvccLocator.SharedLibraryArguments(source, Path.Combine("..", library + ".tmp"), request.Options.CudaArch);
        return NativeStep.Run(folder, nvcc.Path, arguments, library, sources.Changed, file, Nvcc);
    }
}
