using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Kernels;
using Aidge.Export.OpenMp;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;

namespace Aidge.Conformance.OpenMp;

/// <summary>
/// Exports one conformance case for the OpenMP target: the runtime inputs take the static shapes of the first test data
/// set, shapes are inferred again, and the planner decides. A case the planner rejects is unsupported with its reason.
/// </summary>
public static class CaseExporter
{
    public static (ExportedCase? Exported, CaseResult? Result) Export(string folder, string directory, string prefix, OutputFolder output)
    {
        string name = Path.GetFileName(directory);
        try
        {
            var model = ModelReader.Load(Path.Combine(directory, CaseData.ModelFile), ModelReaderOptions.Default with { InferShapes = false });
            var graph = model.Graph;
            var dataSets = CaseData.DataSets(directory);
            if (dataSets.Count == 0 || !CaseData.BindInputShapes(graph, dataSets[0]))
            {
                return (null, new CaseResult(folder, name, CaseStatus.Unsupported, "openmp: inputs are not plain tensors (or are omitted) in the test data"));
            }
            var inference = ShapeInference.InferModel(model, "model.onnx");
            var known = CompileTimeValues.Evaluate(graph, inference, "model.onnx");
            var planned = KernelPlanner.Plan(graph, known.Of, KernelMemory.Plan(graph, known.Of, OpenMpEmitters.Target), prefix, OpenMpEmitters.Target, "model.onnx");
            if (planned.Plan is null)
            {
                var first = planned.Diagnostics[0];
                return (null, new CaseResult(folder, name, CaseStatus.Unsupported, $"{first.Code}{(first.Node is null ? "" : $" node '{first.Node}'")}: {first.Message}"));
            }
            foreach (var file in OpenMpSourceEmitter.Emit(planned.Plan, "model.onnx").Where(f => f.RelativePath != "CMakeLists.txt"))
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
}
