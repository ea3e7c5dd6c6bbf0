using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Kernels;
using Aidge.Export.Plan;

namespace Aidge.Compiler.Targets;

/// <summary>The two steps every target built on <see cref="KernelPlanner"/> shares: planning the graph, and writing its sources under <c>native/</c>.</summary>
public static class KernelTargetSteps
{
    /// <summary>The plan of the request's graph for <paramref name="target"/>; null when a node cannot be exported (the diagnostics say why).</summary>
    public static ExportPlan? Plan(TargetRequest request, KernelTarget target, List<Diagnostic> diagnostics, int threads = 0)
    {
        var memory = KernelMemory.Plan(request.Graph, request.Known, target);
        var planned = KernelPlanner.Plan(request.Graph, request.Known, memory, request.Prefix, target, request.File, threads);
        diagnostics.AddRange(planned.Diagnostics);
        return planned.Plan;
    }

    /// <summary>Writes the files under <c>native/</c> (only those whose bytes changed) and says whether any did.</summary>
    public static TargetSources Write(OutputFolder folder, LibraryAbi abi, IReadOnlyList<GeneratedFile> files, string modelFile)
    {
        bool changed = false;
        foreach (var generated in files)
        {
            changed |= folder.WriteIfChanged(Path.Combine("native", generated.RelativePath), generated.Content, modelFile);
        }
        return new TargetSources(abi, files, changed);
    }
}
