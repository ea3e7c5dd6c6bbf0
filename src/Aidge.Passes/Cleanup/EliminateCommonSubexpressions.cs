using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Cleanup;

/// <summary>
/// Merges duplicates: initializers with the same element type, dims and bytes become one, then nodes with the same
/// domain, operator, attributes and inputs become one (in topological order, so merged inputs make their readers
/// equal in turn). Nodes with subgraphs and random operators are never merged; neither is a node or initializer whose
/// value is a graph output or an overridable graph input, whose name is part of the interface.
/// </summary>
public sealed class EliminateCommonSubexpressions : IPass
{
    /// <summary>Operators whose outputs differ from run to run even on equal inputs (Dropout in training mode is random).</summary>
    private static readonly HashSet<string> Random = new(StringComparer.Ordinal)
    {
        "Dropout", "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike", "Multinomial", "Bernoulli",
    };

    public string Name => "eliminate-common-subexpressions";

    public string Description => "Merges equal initializers (type, dims, bytes) and nodes with the same operator, attributes and inputs.";

    public PassResult Run(Graph graph, PassContext context) => MergeInitializers(graph).Plus(MergeNodes(graph));

    private static PassResult MergeInitializers(Graph graph)
    {
        var seen = new Dictionary<int, List<Value>>();
        int merged = 0;
        long bytes = 0;
        foreach (var initializer in graph.Initializers.Where(v => !IsInterface(graph, v)).ToList())
        {
            var data = initializer.Initializer!;
            int hash = Equality.TensorHash(data);
            if (!seen.TryGetValue(hash, out var candidates))
            {
                seen[hash] = candidates = new List<Value>();
            }
            var same = candidates.FirstOrDefault(c => Equality.SameTensor(c.Initializer!, data));
            if (same is null)
            {
                candidates.Add(initializer);
                continue;
            }
            GraphEdits.ReplaceUses(initializer, same);
            bytes += GraphEdits.RemoveInitializerIfUnused(graph, initializer);
            merged++;
        }
        return new PassResult(merged, 0, 0, bytes, []);
    }

    private static PassResult MergeNodes(Graph graph)
    {
        var seen = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
        int merged = 0;
        foreach (var node in graph.Nodes.ToList())
        {
            if (!Mergeable(graph, node))
            {
                continue;
            }
            string key = Key(node);
            if (!seen.TryGetValue(key, out var candidates))
            {
                seen[key] = candidates = new List<Node>();
            }
            var same = candidates.FirstOrDefault(c => Equality.SameAttributes(c, node) && SameOutputSlots(c, node));
            if (same is null)
            {
                candidates.Add(node);
                continue;
            }
            for (int i = 0; i < node.Outputs.Count; i++)
            {
                if (node.Outputs[i] is { } duplicate)
                {
                    GraphEdits.ReplaceUses(duplicate, same.Outputs[i]!);
                }
            }
            graph.RemoveNode(node);
            merged++;
        }
        return new PassResult(merged, merged, 0, 0, []);
    }

    private static bool Mergeable(Graph graph, Node node) =>
        !(GraphEdits.IsOnnx(node) && Random.Contains(node.OpType))
        && !node.Attributes.Any(a => a.Kind is AttributeKind.Graph or AttributeKind.Graphs)
        && !node.Outputs.Any(o => o is not null && IsInterface(graph, o));

    /// <summary>The operator and the exact input values: nodes can only be equal when their keys are.</summary>
    private static string Key(Node node) =>
        $"{node.Domain}|{node.OpType}|{node.Outputs.Count}|{string.Join("|", node.Inputs.Select(v => v is null ? "" : "=" + v.Name))}";

    /// <summary>The duplicate's outputs can all be replaced: the kept node computes every one the duplicate names.</summary>
    private static bool SameOutputSlots(Node kept, Node duplicate) =>
        duplicate.Outputs.Select((o, i) => o is null || kept.Outputs[i] is not null).All(ok => ok);

    private static bool IsInterface(Graph graph, Value value) => graph.Outputs.Contains(value) || graph.Inputs.Contains(value);
}
