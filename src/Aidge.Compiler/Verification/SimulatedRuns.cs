using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Verification;

/// <summary>Runs a graph in the simulator on a list of feeds, within a time budget; the outputs of each sample in graph output order.</summary>
public static class SimulatedRuns
{
    /// <summary>
    /// Runs the samples in order. With <paramref name="keepCompleted"/> the run stops at the budget and returns the
    /// samples finished so far (at least one, else the cancellation propagates); otherwise running past the budget
    /// throws AIDGE3004. An output that is not a tensor (a sequence, an optional) throws
    /// <see cref="NotSupportedException"/>: the comparisons only handle tensors.
    /// </summary>
    public static List<IReadOnlyList<Tensor>> Run(Graph graph, IEnumerable<IReadOnlyDictionary<string, Tensor>> feeds, string file, TimeSpan budget, bool keepCompleted)
    {
        using var timer = new CancellationTokenSource(budget);
        var results = new List<IReadOnlyList<Tensor>>();
        foreach (var feed in feeds)
        {
            try
            {
                timer.Token.ThrowIfCancellationRequested();
                var outputs = new Interpreter(graph, file: file, cancellation: timer.Token).Run(feed.ToDictionary(f => f.Key, f => (object?)f.Value, StringComparer.Ordinal));
                results.Add(graph.Outputs.Select(o => outputs[o.Name] as Tensor ?? throw new NotSupportedException($"output '{o.Name}' is not a tensor")).ToList());
            }
            catch (Exception e) when (keepCompleted && results.Count > 0 && IsTimeout(e))
            {
                break;
            }
            catch (OperationCanceledException e)
            {
                throw new AidgeException(DiagnosticCodes.SimulationCancelled, "The simulation ran past its time budget.", file, inner: e);
            }
        }
        return results;
    }

    private static bool IsTimeout(Exception e) =>
        e is OperationCanceledException || (e is AidgeException a && a.Diagnostic.Code == DiagnosticCodes.SimulationCancelled);
}
