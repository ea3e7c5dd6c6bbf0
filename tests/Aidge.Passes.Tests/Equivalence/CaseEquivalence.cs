using Aidge.Conformance;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Passes.Pipeline;
using Aidge.Simulation.Runtime;

namespace Aidge.Passes.Tests.Equivalence;

/// <summary>
/// One conformance case through a pass pipeline, as the compiler sees it: the model with its inputs bound to the static
/// shapes of the first data set, the passes, then the simulator on the original and the optimized graph for every data
/// set of those shapes, compared by the suite's tolerance. Passed: equivalent. Failed: a pass threw or an output
/// differs. Unsupported: the original cannot be imported, inferred or simulated, so there is nothing to compare.
/// </summary>
public sealed class CaseEquivalence(string level)
{
    /// <summary>The cases a pass changed, by id: the summary reports how many the pipeline really rewrote.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Rewritten { get; } = new();

    public CaseResult Run(string folder, string caseDirectory, CancellationToken cancellation)
    {
        var result = new CaseResult(folder, Path.GetFileName(caseDirectory), CaseStatus.Passed);
        try
        {
            var (status, reason) = Compare(caseDirectory, result.Id, cancellation);
            return result with { Status = status, Reason = reason };
        }
        catch (Exception e)
        {
            // The original ran, so anything thrown from here on is the passes' or the optimized graph's fault.
            return result with { Status = CaseStatus.Failed, Reason = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    private (CaseStatus, string?) Compare(string caseDirectory, string id, CancellationToken cancellation)
    {
        var dataSets = CaseData.DataSets(caseDirectory);
        if (dataSets.Count == 0 || Load(caseDirectory, dataSets[0]) is not { } original)
        {
            return (CaseStatus.Unsupported, "inputs are not plain tensors, or the bound model does not import");
        }
        var interpreter = new Interpreter(original.Graph, file: CaseData.ModelFile, cancellation: cancellation);
        if (interpreter.MissingKernels().Any())
        {
            return (CaseStatus.Unsupported, "no simulator kernel for an operator");
        }
        var feeds = dataSets.Select(d => CaseData.Inputs(original.Graph, d)).Where(f => MatchesBoundShapes(original.Graph, f)).ToList();
        List<IReadOnlyDictionary<string, object?>> expected;
        try
        {
            expected = feeds.Select(f => interpreter.Run(f)).ToList();
        }
        catch (Exception e)
        {
            return (CaseStatus.Unsupported, $"the simulator cannot run the original: {e.Message}");
        }

        var optimized = Load(caseDirectory, dataSets[0])!;
        var context = new PassContext(CaseData.ModelFile) { Evaluator = new KernelNodeEvaluator(CaseData.ModelFile) };
        IReadOnlyList<PassRecord> records;
        try
        {
            records = PassManager.Run(optimized.Graph, PipelineBuilder.Build(level, context), context);
        }
        catch (AidgeException e)
        {
            return (CaseStatus.Failed, $"{e.Diagnostic.Code} node '{e.Diagnostic.Node}': {e.Diagnostic.Message}");
        }
        var changedBy = records.Where(r => r.Result.Changed).Select(r => r.Pass).Distinct().ToList();
        if (changedBy.Count > 0)
        {
            Rewritten.Add(id);
        }
        if (!original.Graph.Outputs.Select(o => o.Name).SequenceEqual(optimized.Graph.Outputs.Select(o => o.Name)))
        {
            return (CaseStatus.Failed, "graph output names changed");
        }
        var tolerance = Tolerance.ForCase(caseDirectory);
        var rewritten = new Interpreter(optimized.Graph, file: CaseData.ModelFile, cancellation: cancellation);
        for (int d = 0; d < feeds.Count; d++)
        {
            var actual = rewritten.Run(feeds[d]);
            foreach (var output in original.Graph.Outputs)
            {
                if (ValueComparer.Difference(output.Name, expected[d][output.Name], actual[output.Name], tolerance) is { } difference)
                {
                    return (CaseStatus.Failed, $"after {string.Join(", ", changedBy)}: {difference}");
                }
            }
        }
        return (CaseStatus.Passed, null);
    }

    /// <summary>The case's model with its inputs bound to the data set's shapes, inferred and checked; null when that fails.</summary>
    private static Model? Load(string caseDirectory, string dataSet)
    {
        try
        {
            var model = ModelReader.Load(Path.Combine(caseDirectory, CaseData.ModelFile), ModelReaderOptions.Default with { InferShapes = false });
            if (!CaseData.BindInputShapes(model.Graph, dataSet))
            {
                return null;
            }
            ShapeInference.InferModel(model, CaseData.ModelFile);
            GraphChecker.Check(model.Graph, CaseData.ModelFile);
            return model;
        }
        catch (Exception)
        {
            // Whatever stops the original from loading is the importer's business (the conformance run reports it).
            return null;
        }
    }

    /// <summary>Whether every input of the data set has the shape the graph was bound to (other shapes would need another compilation).</summary>
    private static bool MatchesBoundShapes(Graph graph, IReadOnlyDictionary<string, object?> feed) =>
        graph.RuntimeInputs.All(i => feed[i.Name] is Tensor t && i.Shape is { } shape && shape.IsStatic && t.Dims.AsSpan().SequenceEqual(shape.ToArray()));
}
