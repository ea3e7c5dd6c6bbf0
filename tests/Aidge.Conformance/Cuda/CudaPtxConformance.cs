using Aidge.Export.C;
using Aidge.Export.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Conformance.Cuda;

/// <summary>
/// The conformance suite through the CUDA target, on a machine without a GPU: export every case whose operators the
/// CUDA emitter registry supports and compile each case's .cu to PTX with clang (<see cref="PtxCompiler"/>), as many
/// at once as there are cores. A claimed case passes when its device code compiles; cases the exporter does not claim
/// are unsupported with the planner's reason. What the kernels compute is checked where they run (a GPU, or the
/// emulated build), not here.
/// </summary>
public static class CudaPtxConformance
{
    /// <summary>The GPU architecture the PTX is compiled for: the CUDA target's default.</summary>
    public const string Arch = CudaSourceEmitter.DefaultArch;

    /// <summary>The CUDA target as the conformance exporter sees it; the shared header is written once per batch, not per case.</summary>
    public static readonly ConformanceTarget Target = new("cuda-ptx", CudaEmitters.Target,
        plan => CudaSourceEmitter.Emit(plan, "model.onnx").Where(f => f.RelativePath != CudaSourceEmitter.HeaderFile));

    public static IReadOnlyList<CaseResult> Run(string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, string clang, Action<CaseResult>? progress = null)
    {
        var header = CudaSourceEmitter.Header();
        new OutputFolder(buildDirectory).WriteIfChanged(header.RelativePath, header.Content);
        var (_, results, exported) = CaseExporter.ExportAll(dataRoot, filters, buildDirectory, Target);
        Parallel.For(0, exported.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (exported[i] is { } claimed)
            {
                results[i] = Compile(claimed, buildDirectory, clang);
            }
        });
        var final = results.Select(r => r!).ToList();
        final.ForEach(r => progress?.Invoke(r));
        return final;
    }

    private static CaseResult Compile(ExportedCase claimed, string buildDirectory, string clang)
    {
        string prefix = claimed.Plan.Prefix;
        var result = PtxCompiler.Compile(clang, buildDirectory, CudaSourceEmitter.SourceFile(prefix), $"{prefix}.ptx", Arch);
        return result.Succeeded
            ? new CaseResult(claimed.Folder, claimed.Case, CaseStatus.Passed, null)
            : new CaseResult(claimed.Folder, claimed.Case, CaseStatus.Failed, "device code does not compile to PTX: " + result.Summary(4));
    }
}
