using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;

namespace Aidge.Conformance;

/// <summary>
/// Runs one case: import (with shape inference and the graph checker), the simulator on every test data set,
/// the suite's comparison of outputs, and a check that what inference claimed about every value holds at run time.
/// </summary>
public static class CaseRunner
{
    /// <summary>Diagnostic codes that mean "the registry does not claim this", not "this is wrong".</summary>
    private static readonly HashSet<string> UnsupportedCodes = new()
    {
        DiagnosticCodes.UnsupportedOperator,
        DiagnosticCodes.UnsupportedElementType,
        DiagnosticCodes.NoKernel,
    };

    public static CaseResult Run(string folder, string caseDirectory, CancellationToken cancellation = default)
    {
        string name = Path.GetFileName(caseDirectory);
        try
        {
            return new CaseResult(folder, name, Execute(caseDirectory, cancellation, out string? reason), reason);
        }
        catch (AidgeException e) when (UnsupportedCodes.Contains(e.Diagnostic.Code))
        {
            return new CaseResult(folder, name, CaseStatus.Unsupported, Brief(e.Diagnostic));
        }
        catch (AidgeException e)
        {
            return new CaseResult(folder, name, CaseStatus.Failed, Brief(e.Diagnostic));
        }
        catch (Exception e)
        {
            // A crash is a failure of ours whatever the input: report it, never stop the suite.
            return new CaseResult(folder, name, CaseStatus.Failed, $"unhandled {e.GetType().Name}: {e.Message}");
        }
    }

    private static CaseStatus Execute(string caseDirectory, CancellationToken cancellation, out string? reason)
    {
        var model = ModelReader.Load(Path.Combine(caseDirectory, CaseData.ModelFile));
        var graph = model.Graph;
        var interpreter = new Interpreter(graph, file: CaseData.ModelFile, cancellation: cancellation);
        if (interpreter.MissingKernels().FirstOrDefault() is { } missing)
        {
            reason = $"AIDGE3003 no simulator kernel for {missing.OpType}";
            return CaseStatus.Unsupported;
        }
        var tolerance = Tolerance.ForCase(caseDirectory);
        foreach (var dataSet in CaseData.DataSets(caseDirectory))
        {
            var results = interpreter.Run(CaseData.Inputs(graph, dataSet), keepIntermediates: true);
            for (int i = 0; i < graph.Outputs.Count; i++)
            {
                var output = graph.Outputs[i];
                if (ValueComparer.Difference(output.Name, CaseData.ExpectedOutput(graph, dataSet, i), results[output.Name], tolerance) is { } difference)
                {
                    reason = $"{Path.GetFileName(dataSet)}: {difference}";
                    return CaseStatus.Failed;
                }
            }
            if (InferenceMismatch(graph, results) is { } mismatch)
            {
                reason = $"{Path.GetFileName(dataSet)}: shape inference {mismatch}";
                return CaseStatus.Failed;
            }
        }
        reason = null;
        return CaseStatus.Passed;
    }

    /// <summary>The first value whose inferred element type or known dims disagree with what the simulator produced.</summary>
    private static string? InferenceMismatch(Graph graph, IReadOnlyDictionary<string, object?> results)
    {
        foreach (var (name, result) in results)
        {
            if (result is not Tensor tensor || graph.FindLocal(name) is not { Type: TensorType inferred })
            {
                continue;
            }
            if (inferred.Element != DataType.Undefined && inferred.Element != tensor.Type)
            {
                return $"said '{name}' is {inferred.Element.OnnxName()}, it is {tensor.Type.OnnxName()}";
            }
            if (inferred.Shape is { } shape && (shape.Rank != tensor.Rank || shape.Where((d, i) => d.IsKnown && d.Value != tensor.Dims[i]).Any()))
            {
                return $"said '{name}' has shape {shape}, it has [{string.Join(",", tensor.Dims)}]";
            }
        }
        return null;
    }

    private static string Brief(Diagnostic diagnostic) =>
        $"{diagnostic.Code}{(diagnostic.Node is null ? string.Empty : $" node '{diagnostic.Node}'")}: {diagnostic.Message}";
}
