using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Compiler.Targets;

/// <summary>What a target is given: the optimized graph, the data known when compiling, the C prefix and the options.</summary>
public sealed record TargetRequest(Graph Graph, Func<Value, Tensor?> Known, string Prefix, string File, CompileOptions Options);

/// <summary>The sources a target wrote (under <c>native/</c>), whether any byte changed, and the ABI of the library they build.</summary>
public sealed record TargetSources(LibraryAbi Abi, IReadOnlyList<GeneratedFile> Files, bool Changed)
{
    /// <summary>An HLS fixed-point design's formats and error bounds: the build-time check and the report use them instead of the float tolerance.</summary>
    public Aidge.Export.Hls.FixedPoint.FixedPointBuild? FixedPoint { get; init; }
}

/// <summary>
/// One value of <c>--target</c> (the <c>Target</c> metadata): plans the optimized graph, writes its sources under the
/// output folder's <c>native/</c>, and builds them into the shared library with the target's toolchain. The driver does
/// the rest the same way for every target: the build-time check of the library against the simulator, its timing,
/// the manifest and the report. Every library exports the same C ABI, so the generated C# class does not depend on
/// the target.
/// </summary>
public interface ICompileTarget
{
    /// <summary>The <c>--target</c> value, lower case.</summary>
    string Name { get; }

    /// <summary>Plans and writes the sources; null when the graph cannot be exported (the diagnostics say why, per node).</summary>
    TargetSources? Emit(TargetRequest request, OutputFolder folder, List<Diagnostic> diagnostics);

    /// <summary>Builds <paramref name="library"/> (a file name in the output folder) from the written sources, unless nothing changed.</summary>
    NativeOutcome Build(TargetRequest request, OutputFolder folder, TargetSources sources, string library);
}
