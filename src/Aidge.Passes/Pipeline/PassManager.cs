using System.Diagnostics;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;

namespace Aidge.Passes.Pipeline;

/// <summary>
/// Runs passes in order. After each one it re-runs shape inference (so the next pass sees types, shapes and
/// compile-time data of the values the last one created) and the graph checker, and records what changed. The
/// checker is cheap next to inference, so it runs in every build, not only in tests: a pass that leaves a broken
/// graph is named at once instead of surfacing as a wrong result three stages later.
/// </summary>
public static class PassManager
{
    public static IReadOnlyList<PassRecord> Run(Graph graph, IEnumerable<IPass> passes, PassContext context)
    {
        var records = new List<PassRecord>();
        context.Inference = Infer(graph, context, afterPass: null);
        foreach (var pass in passes)
        {
            int before = graph.Nodes.Count;
            var clock = Stopwatch.StartNew();
            PassResult result;
            try
            {
                result = pass.Run(graph, context);
            }
            catch (AidgeException e) when (e.Diagnostic.Code != DiagnosticCodes.PassFailed)
            {
                throw new AidgeException(DiagnosticCodes.PassFailed, $"Pass '{pass.Name}' failed: {e.Diagnostic.Message}", context.ModelFile, e.Diagnostic.Node, e);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException or KeyNotFoundException)
            {
                throw new AidgeException(DiagnosticCodes.PassFailed, $"Pass '{pass.Name}' failed: {e.Message}", context.ModelFile, null, e);
            }
            context.Inference = Infer(graph, context, pass.Name);
            records.Add(new PassRecord(pass.Name, before, graph.Nodes.Count, result, clock.Elapsed));
        }
        return records;
    }

    private static ShapeInference Infer(Graph graph, PassContext context, string? afterPass)
    {
        try
        {
            var inference = new ShapeInference(null, context.ModelFile);
            inference.Run(graph);
            GraphChecker.Check(graph, context.ModelFile);
            return inference;
        }
        catch (AidgeException e) when (afterPass is not null)
        {
            throw new AidgeException(DiagnosticCodes.PassFailed, $"Pass '{afterPass}' left an invalid graph: {e.Diagnostic.Message}", context.ModelFile, e.Diagnostic.Node, e);
        }
    }
}
