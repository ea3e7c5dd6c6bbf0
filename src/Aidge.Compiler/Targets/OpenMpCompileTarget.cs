using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.OpenMp;

namespace Aidge.Compiler.Targets;

/// <summary><c>--target openmp</c>: C99 with OpenMP, built with the machine's C compiler (<see cref="NativeStep"/>).</summary>
public sealed class OpenMpCompileTarget : ICompileTarget
{
    public string Name => "openmp";

    public TargetSources? Emit(TargetRequest request, OutputFolder folder, List<Diagnostic> diagnostics) =>
        KernelTargetSteps.Plan(request, OpenMpEmitters.Target, diagnostics, request.Options.Threads) is { } plan
            ? KernelTargetSteps.Write(folder, plan.Abi, OpenMpSourceEmitter.Emit(plan, request.File), request.File)
            : null;

    public NativeOutcome Build(TargetRequest request, OutputFolder folder, TargetSources sources, string library) =>
        NativeStep.Build(folder, sources.Files.Where(f => f.RelativePath.EndsWith(".c", StringComparison.Ordinal)).Select(f => f.RelativePath).ToList(), library, sources.Changed, request.Options);
}
