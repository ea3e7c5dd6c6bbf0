using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Fusion;

/// <summary>
/// The edits a fusion pass makes to one graph, counted as it goes so that the pass's <see cref="PassResult"/> is
/// exactly what happened: nodes removed and added, parameter bytes dropped minus bytes created, one rewrite per
/// pattern instance replaced. It also answers the question every pattern asks before touching a value: does anyone
/// outside the pattern read it?
/// </summary>
internal sealed class GraphRewriter(Graph graph)
{
    private readonly HashSet<Node> removed = new();
    private readonly List<string> notes = new();
    private int rewrites;
    private int nodesRemoved;
    private int nodesAdded;
    private long bytesSaved;

    /// <summary>
    /// The graph's ONNX nodes of the given types in graph order, for a pass to walk while it edits: the list is taken
    /// at the start, and a node that an earlier rewrite removed (as part of its pattern, or as a dead producer of a
    /// constant) is skipped when the walk reaches it.
    /// </summary>
    public IEnumerable<Node> Anchors(params string[] opTypes)
    {
        foreach (var node in graph.Nodes.Where(n => opTypes.Contains(n.OpType) && GraphEdits.IsOnnx(n)).ToList())
        {
            if (!removed.Contains(node))
            {
                yield return node;
            }
        }
    }

    public bool IsGraphOutput(Value value) => graph.Outputs.Contains(value);

    /// <summary>
    /// True when <paramref name="consumer"/> is the only reader of <paramref name="value"/> (possibly at several of its
    /// inputs, as Mul(d, d) reads d twice) and the value is not a graph output: the value may then disappear.
    /// </summary>
    public bool OnlyFeeds(Value? value, Node consumer) =>
        value is not null && value.Consumers.Count > 0 && value.Consumers.All(c => c == consumer) && !IsGraphOutput(value);

    /// <summary>The one node that reads <paramref name="value"/> when it is private to it (see <see cref="OnlyFeeds"/>), else null.</summary>
    public Node? SoleConsumer(Value? value) =>
        value?.Consumers.FirstOrDefault() is { } first && OnlyFeeds(value, first) ? first : null;

    /// <summary>Nobody reads the value: no node and not the graph's caller.</summary>
    public bool IsUnread(Value? value) => value is null || !GraphEdits.IsUsed(graph, value);

    /// <summary>A new initializer under a name derived from <paramref name="hint"/>.</summary>
    public Value AddInitializer(string hint, Tensor tensor)
    {
        bytesSaved -= tensor.Bytes.Length;
        return graph.AddInitializer(graph.UniqueName(hint), tensor);
    }

    /// <summary>
    /// Appends a node that writes <paramref name="output"/> (a value a removed node wrote, so its name and its place
    /// among the graph outputs are kept). <see cref="Finish"/> restores the topological order.
    /// </summary>
    public Node AddNode(string opType, IEnumerable<Value?> inputs, Value output, string name, string domain = "")
    {
        nodesAdded++;
        return graph.AddNode(opType, inputs, [output], name, domain);
    }

    public void RemoveNode(Node node)
    {
        graph.RemoveNode(node);
        removed.Add(node);
        nodesRemoved++;
    }

    /// <summary>
    /// Removes a matched pattern's nodes, lets <paramref name="rewire"/> put their replacement in place (which takes over
    /// the values the pattern wrote), then removes whatever only the pattern read: its constants, and producers none of
    /// whose outputs is read any more (a Constant node, the initializer of a folded weight), transitively. The cleanup
    /// comes last so that the pattern's inputs the replacement reads are never mistaken for dead ones.
    /// </summary>
    public void Replace(IReadOnlyList<Node> pattern, Action rewire)
    {
        var inputs = pattern.SelectMany(n => n.Inputs).ToList();
        foreach (var node in pattern)
        {
            RemoveNode(node);
        }
        rewire();
        RemoveUnread(inputs);
    }

    /// <summary>
    /// Replaces <paramref name="consumer"/> by its producer: the producer (already rewritten to compute what the consumer
    /// did) now writes the consumer's output, so names and graph outputs stay, and the consumer's constants go.
    /// </summary>
    public void Absorb(Node producer, Node consumer)
    {
        var output = consumer.Output(0)!;
        Replace([consumer], () => producer.SetOutput(0, output));
    }

    /// <summary>Removes the unread values among <paramref name="values"/> and what computed only them.</summary>
    public void RemoveUnread(IEnumerable<Value?> values)
    {
        var pending = new Stack<Value>(values.OfType<Value>());
        while (pending.TryPop(out var value))
        {
            if (!IsUnread(value))
            {
                continue;
            }
            if (value.Initializer is not null)
            {
                bytesSaved += GraphEdits.RemoveInitializerIfUnused(graph, value);
            }
            else if (value.Producer is { } producer && producer.Graph == graph && producer.Outputs.All(IsUnread))
            {
                var inputs = producer.Inputs.OfType<Value>().ToList();
                RemoveNode(producer);
                inputs.ForEach(pending.Push);
            }
        }
    }

    /// <summary>Counts one replaced pattern instance, with a line for the report.</summary>
    public void Rewrote(string note)
    {
        rewrites++;
        notes.Add(note);
    }

    /// <summary>Puts appended nodes back in topological order and reports what changed.</summary>
    public PassResult Finish()
    {
        if (nodesAdded > 0)
        {
            graph.SortTopologically();
        }
        return new PassResult(rewrites, nodesRemoved, nodesAdded, bytesSaved, notes);
    }
}
