using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Kernels;
using Aidge.Export.OpenMp;

namespace Aidge.Compiler.Targets;

/// <summary><c>--target openmp</c>: C99 with OpenMP, built with the machine's C compiler (<see cref="NativeStep"/>).</summary>
public sealed class OpenMpCompileTarget : ICompileTarget
{
    public string Name => "openmp";

    public TargetSources? Emit(TargetRequest request, OutputFolder folder, List<Diagnostic> diagnostics)
    {
        var memory = KernelMemory.Plan(request.Graph, request.Known, OpenMpEmitters.Target);
        var planned = KernelPlanner.Plan(request.Graph, request.Known, memory, request.Prefix, OpenMpEmitters.Target, request.File, request.Options.Threads);
        diagnostics.AddRange(planned.Diagnostics);
        if (planned.Plan is null)
        {
            return null;
        }
        var files = OpenMpSourceEmitter.Emit(planned.Plan, request.File);
        bool changed = false;
        foreach (var generated in files)
        {
            changed |= folder.WriteIfChanged(Path.Combine("native", generated.RelativePath), generated.Content, request.File);
        }
        return new TargetSources(planned.Plan.Abi, files, changed);
    }

    public NativeOutcome Build(TargetRequest request, OutputFolder folder, TargetSources sources, string library) =>
        NativeStep.Build(folder, sources.Files.Where(f => f.RelativePath.EndsWith(".c", StringComparison.Ordinal)).Select(f => f.RelativePath).ToList(), library, sources.Changed, request.Options);
}
