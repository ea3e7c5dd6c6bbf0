using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Core.Operators;
using Aidge.Export.C;
using Aidge.Export.Kernels;
using Aidge.Export.Plan;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;

namespace Aidge.Conformance;

/// <summary>
/// A kernel-based target as the conformance runners export to it: its name (for reasons), its planner rules, and its
/// source emitter (the files of one case's plan, written into the batch folder).
/// </summary>
public sealed record ConformanceTarget(string Name, KernelTarget Kernels, Func<ExportPlan, IEnumerable<GeneratedFile>> Emit);

/// <summary>
/// Exports conformance cases for a kernel-based target (OpenMP, CUDA): the runtime inputs take the static shapes of the
/// first test data set, shapes are inferred again, and the target's planner decides. A case the planner rejects is
/// unsupported with its reason.
/// </summary>
public static class CaseExporter
{
    /// <summary>
    /// Exports every case into <paramref name="buildDirectory"/> in parallel: one result per case that was not exported,
    /// one <see cref="ExportedCase"/> per case that was (the other array's slot is null).
    /// </summary>
    public static (IReadOnlyList<(string Folder, string Directory)> Cases, CaseResult?[] Results, ExportedCase?[] Exported) ExportAll(
        string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, ConformanceTarget target)
    {
        var cases = ConformanceSuite.Cases(dataRoot, filters);
        var scope = new CIdentifierScope();
        // Prefixes are assigned in case order before the parallel export, so the batch is the same on every run.
        var prefixes = cases.Select(c => scope.Claim($"{c.Folder}_{Path.GetFileName(c.Directory)}")).ToList();
        var output = new OutputFolder(buildDirectory);
        var results = new CaseResult?[cases.Count];
        var exported = new ExportedCase?[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            (exported[i], results[i]) = Export(cases[i].Folder, cases[i].Directory, prefixes[i], output, target);
        });
        return (cases, results, exported);
    }

    public static (ExportedCase? Exported, CaseResult? Result) Export(string folder, string directory, string prefix, OutputFolder output, ConformanceTarget target)
    {
        string name = Path.GetFileName(directory);
        try
        {
            if (Load(folder, directory, target.Name, out var loaded) is { } refused)
            {
                return (null, refused);
            }
            var (graph, known, dataSets) = loaded!;
            var planned = KernelPlanner.Plan(graph, known, KernelMemory.Plan(graph, known, target.Kernels), prefix, target.Kernels, "model.onnx");
            if (planned.Plan is null)
            {
                return (null, Refused(folder, name, planned.Diagnostics[0]));
            }
            foreach (var file in target.Emit(planned.Plan).Where(f => f.RelativePath != "CMakeLists.txt"))
            {
                output.WriteIfChanged(file.RelativePath, file.Content);
            }
            return (new ExportedCase(folder, name, directory, planned.Plan, dataSets), null);
        }
        catch (AidgeException e)
        {
            // The simulator run reports import and inference problems; here they only mean "not exported".
            return (null, new CaseResult(folder, name, CaseStatus.Unsupported, $"{e.Diagnostic.Code}: {e.Diagnostic.Message}"));
        }
    }

    /// <summary>
    /// A case's graph ready to plan: the runtime inputs bound to the first data set's shapes, shapes inferred, the
    /// compile-time values known. Returns the unsupported result instead when the test data does not allow it
    /// (import and inference problems throw <see cref="AidgeException"/>).
    /// </summary>
    public static CaseResult? Load(string folder, string directory, string targetName, out LoadedCase? loaded)
    {
        loaded = null;
        var model = ModelReader.Load(Path.Combine(directory, CaseData.ModelFile), ModelReaderOptions.Default with { InferShapes = false });
        var graph = model.Graph;
        var dataSets = CaseData.DataSets(directory);
        if (dataSets.Count == 0 || !CaseData.BindInputShapes(graph, dataSets[0]))
        {
            return new CaseResult(folder, Path.GetFileName(directory), CaseStatus.Unsupported, $"{targetName}: inputs are not plain tensors (or are omitted) in the test data");
        }
        var inference = ShapeInference.InferModel(model, "model.onnx");
        loaded = new LoadedCase(graph, CompileTimeValues.Evaluate(graph, inference, "model.onnx").Of, dataSets);
        return null;
    }

    /// <summary>A case not exported for the first of its diagnostics, with its code and node.</summary>
    public static CaseResult Refused(string folder, string name, Diagnostic first) =>
        new(folder, name, CaseStatus.Unsupported, $"{first.Code}{(first.Node is null ? "" : $" node '{first.Node}'")}: {first.Message}");
}
