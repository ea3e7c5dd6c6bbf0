using Aidge.Core.Diagnostics;

namespace Aidge.Core.Graphs;

/// <summary>
/// Checks the invariants every stage relies on: nodes in topological order (so acyclic), every input defined
/// before use (in this graph or an enclosing one), one producer per value, graph outputs defined, and every
/// value typed consistently with its producer. Runs after import, and after every pass in tests.
/// </summary>
public static class GraphChecker
{
    public static void Check(Graph graph, string? file = null)
    {
        var defined = new HashSet<Value>(graph.Inputs);
        defined.UnionWith(graph.Initializers);
        foreach (var node in graph.Nodes)
        {
            foreach (var input in node.Inputs)
            {
                if (input is not null && !defined.Contains(input) && !IsOuterScope(graph, input))
                {
                    string why = input.Producer is { } p && p.Graph == graph
                        ? $"is produced later by {p.DisplayName}; the nodes are not in topological order (or form a cycle)"
                        : "is not produced by any node, graph input or initializer";
                    throw new AidgeException(DiagnosticCodes.UndefinedValue, $"Input '{input.Name}' of {node.OpType} {why}.", file, node.DisplayName);
                }
            }
            foreach (var output in node.Outputs)
            {
                if (output is null)
                {
                    continue;
                }
                if (output.Producer != node || !defined.Add(output))
                {
                    throw new AidgeException(DiagnosticCodes.InvalidGraph, $"Value '{output.Name}' is produced by more than one node or input.", file, node.DisplayName);
                }
            }
            foreach (var attribute in node.Attributes)
            {
                foreach (var subgraph in Graph.SubgraphsOf(attribute))
                {
                    Check(subgraph, file);
                }
            }
        }
        foreach (var output in graph.Outputs)
        {
            if (!defined.Contains(output) && !IsOuterScope(graph, output))
            {
                throw new AidgeException(DiagnosticCodes.UndefinedValue, $"Graph output '{output.Name}' is not produced by any node, input or initializer.", file);
            }
        }
    }

    /// <summary>A value owned by an enclosing graph (visible inside an If/Loop/Scan body).</summary>
    private static bool IsOuterScope(Graph graph, Value value) =>
        graph.FindLocal(value.Name) != value && graph.Parent?.Find(value.Name) == value;
}
