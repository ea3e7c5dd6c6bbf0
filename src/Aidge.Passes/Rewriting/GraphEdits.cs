using Aidge.Core.Graphs;

namespace Aidge.Passes.Rewriting;

/// <summary>
/// The edits the clean-up passes share: rerouting the readers of a value, removing a node whose output equals a value
/// that already exists (keeping graph output names), and dropping what nothing reads any more.
/// </summary>
public static class GraphEdits
{
    /// <summary>Every node that read <paramref name="old"/> reads <paramref name="replacement"/> instead (subgraph readers too).</summary>
    public static void ReplaceUses(Value old, Value replacement)
    {
        foreach (var consumer in old.Consumers.ToList())
        {
            for (int i = 0; i < consumer.Inputs.Count; i++)
            {
                if (consumer.Inputs[i] == old)
                {
                    consumer.SetInput(i, replacement);
                }
            }
        }
    }

    /// <summary>
    /// Removes <paramref name="node"/>, whose output <paramref name="removed"/> holds the same data as
    /// <paramref name="kept"/>, and routes its readers to <paramref name="kept"/>. When <paramref name="removed"/> is a
    /// graph output its name must survive, so the node computing <paramref name="kept"/> writes the output instead; when
    /// there is no such node (<paramref name="kept"/> is a graph input, an initializer or another output) the node stays
    /// and this returns false.
    /// </summary>
    public static bool TryBypass(Graph graph, Node node, Value kept, Value removed)
    {
        if (!graph.Outputs.Contains(removed))
        {
            ReplaceUses(removed, kept);
            graph.RemoveNode(node);
            return true;
        }
        if (kept.Producer is not { } producer || producer.Graph != graph || graph.Outputs.Contains(kept))
        {
            return false;
        }
        graph.RemoveNode(node);
        for (int i = 0; i < producer.Outputs.Count; i++)
        {
            if (producer.Outputs[i] == kept)
            {
                producer.SetOutput(i, removed);
            }
        }
        ReplaceUses(kept, removed);
        return true;
    }

    /// <summary>Whether anything reads the value: a node (here or in a subgraph) or the graph's caller.</summary>
    public static bool IsUsed(Graph graph, Value value) => value.Consumers.Count > 0 || graph.Outputs.Contains(value);

    /// <summary>Removes the node when none of its outputs is read; true when it did.</summary>
    public static bool RemoveIfUnused(Graph graph, Node node)
    {
        if (node.Outputs.Any(o => o is not null && IsUsed(graph, o)))
        {
            return false;
        }
        graph.RemoveNode(node);
        return true;
    }

    /// <summary>
    /// Removes the initializer when nothing reads it and the caller cannot override it (an initializer the file also
    /// lists as a graph input is part of the model's interface); returns the bytes freed.
    /// </summary>
    public static long RemoveInitializerIfUnused(Graph graph, Value initializer)
    {
        if (initializer.Initializer is not { } data || IsUsed(graph, initializer) || graph.Inputs.Contains(initializer) || !graph.Initializers.Remove(initializer))
        {
            return 0;
        }
        return data.Bytes.Length;
    }

    /// <summary>The bytes of every initializer of the graph: the parameters the exporter will embed.</summary>
    public static long ParameterBytes(Graph graph) => graph.Initializers.Sum(v => (long)(v.Initializer?.Bytes.Length ?? 0));

    /// <summary>Whether the node belongs to the default ONNX domain, whose operators these passes know by name.</summary>
    public static bool IsOnnx(Node node) => node.Domain is "" or "ai.onnx";
}
