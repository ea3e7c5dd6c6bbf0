using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// A computation graph: inputs, outputs, initializers and nodes in topological order, with values looked up
/// by name. A subgraph (the body of If, Loop or Scan) has a <see cref="Parent"/> whose values it may read.
/// </summary>
public sealed class Graph
{
    private readonly Dictionary<string, Value> values = new(StringComparer.Ordinal);
    private readonly List<Node> nodes = new();

    public Graph(string name = "main", Graph? parent = null)
    {
        Name = name;
        Parent = parent;
    }

    public string Name { get; set; }

    public string? DocString { get; set; }

    /// <summary>The enclosing graph of a subgraph, whose values are visible here.</summary>
    public Graph? Parent { get; set; }

    /// <summary>The operator set versions in force (domain → version), shared with the model and its subgraphs.</summary>
    public IReadOnlyDictionary<string, long> Opsets => Parent?.Opsets ?? opsets;

    private Dictionary<string, long> opsets = new(StringComparer.Ordinal);

    /// <summary>The graph inputs in order. Initializers are not listed here unless the file listed them.</summary>
    public List<Value> Inputs { get; } = new();

    public List<Value> Outputs { get; } = new();

    /// <summary>Initializers in file order.</summary>
    public List<Value> Initializers { get; } = new();

    public IReadOnlyList<Node> Nodes => nodes;

    /// <summary>Every value defined or referenced in this graph (not its parent's).</summary>
    public IReadOnlyCollection<Value> Values => values.Values;

    /// <summary>Graph inputs that the caller must feed: those without an initializer.</summary>
    public IEnumerable<Value> RuntimeInputs => Inputs.Where(v => v.Initializer is null);

    public void SetOpsets(IEnumerable<KeyValuePair<string, long>> imports) =>
        opsets = new Dictionary<string, long>(imports, StringComparer.Ordinal);

    /// <summary>The version of the default ONNX domain.</summary>
    public int OnnxOpset => (int)(Opsets.TryGetValue(string.Empty, out long version) ? version : Opsets.GetValueOrDefault("ai.onnx"));

    /// <summary>The opset version for a domain ("" and "ai.onnx" are the same domain).</summary>
    public int OpsetOf(string domain) => domain is "" or "ai.onnx" ? OnnxOpset : (int)Opsets.GetValueOrDefault(domain);

    /// <summary>A value of this graph by name, not looking at outer scopes.</summary>
    public Value? FindLocal(string name) => values.GetValueOrDefault(name);

    /// <summary>A value by name, in this graph or an enclosing one.</summary>
    public Value? Find(string name) => values.GetValueOrDefault(name) ?? Parent?.Find(name);

    /// <summary>The local value with this name, created (untyped) when it does not exist yet.</summary>
    public Value GetOrAddValue(string name)
    {
        if (!values.TryGetValue(name, out var value))
        {
            value = new Value(name);
            values.Add(name, value);
        }
        return value;
    }

    /// <summary>Adds an existing value (e.g. one built by a pass); its name must be new here.</summary>
    public Value AddValue(Value value)
    {
        if (!values.TryAdd(value.Name, value))
        {
            throw new AidgeException(DiagnosticCodes.InvalidGraph, $"Value '{value.Name}' is defined twice in graph '{Name}'.");
        }
        return value;
    }

    /// <summary>A name not yet used in this graph, derived from the hint.</summary>
    public string UniqueName(string hint)
    {
        if (Find(hint) is null)
        {
            return hint;
        }
        for (int i = 1; ; i++)
        {
            string candidate = $"{hint}_{i}";
            if (Find(candidate) is null)
            {
                return candidate;
            }
        }
    }

    public Value AddInitializer(string name, Tensor tensor)
    {
        var value = GetOrAddValue(name);
        value.Initializer = tensor;
        value.Type = new TensorType(tensor.Type, tensor.Shape);
        Initializers.Add(value);
        return value;
    }

    /// <summary>Appends a node wired to the given values (null for an omitted optional one).</summary>
    public Node AddNode(string opType, IEnumerable<Value?> inputs, IEnumerable<Value?> outputs, string name = "", string domain = "")
    {
        var node = new Node(name, opType, domain) { Graph = this };
        int i = 0;
        foreach (var input in inputs)
        {
            node.SetInput(i++, input);
        }
        i = 0;
        foreach (var output in outputs)
        {
            node.SetOutput(i++, output);
        }
        nodes.Add(node);
        return node;
    }

    public void RemoveNode(Node node)
    {
        node.Disconnect();
        nodes.Remove(node);
    }

    /// <summary>
    /// Reorders the nodes so that every producer comes before its consumers (stable: keeps file order where
    /// it is already valid). Throws AIDGE1006 naming a node on a cycle.
    /// </summary>
    public void SortTopologically()
    {
        var pending = new Dictionary<Node, int>();
        var consumersOf = new Dictionary<Node, List<Node>>();
        foreach (var node in nodes)
        {
            var producers = ProducersWithin(node).Distinct().ToList();
            pending[node] = producers.Count;
            foreach (var producer in producers)
            {
                if (!consumersOf.TryGetValue(producer, out var list))
                {
                    consumersOf[producer] = list = new List<Node>();
                }
                list.Add(node);
            }
        }
        var order = new List<Node>(nodes.Count);
        var ready = new PriorityQueue<Node, int>();
        var position = new Dictionary<Node, int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            position[nodes[i]] = i;
            if (pending[nodes[i]] == 0)
            {
                ready.Enqueue(nodes[i], i);
            }
        }
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var consumer in consumersOf.GetValueOrDefault(node) ?? new List<Node>())
            {
                if (--pending[consumer] == 0)
                {
                    ready.Enqueue(consumer, position[consumer]);
                }
            }
        }
        if (order.Count != nodes.Count)
        {
            var stuck = nodes.First(n => pending[n] > 0);
            throw new AidgeException(DiagnosticCodes.GraphCycle,
                $"The graph has a cycle through this node ({stuck.OpType}); a graph must be acyclic. Re-export the model.",
                node: stuck.DisplayName);
        }
        nodes.Clear();
        nodes.AddRange(order);
    }

    /// <summary>
    /// The nodes of this graph whose outputs the node reads, including values read by its subgraphs
    /// (an If branch may use a value computed earlier in this graph).
    /// </summary>
    private IEnumerable<Node> ProducersWithin(Node node)
    {
        foreach (var input in node.Inputs)
        {
            if (input?.Producer is { } producer && producer.Graph == this && producer != node)
            {
                yield return producer;
            }
            else if (input?.Producer == node)
            {
                yield return node;
            }
        }
        foreach (var attribute in node.Attributes)
        {
            foreach (var subgraph in SubgraphsOf(attribute))
            {
                foreach (var name in subgraph.OuterScopeReferences())
                {
                    if (FindLocal(name)?.Producer is { } producer && producer.Graph == this)
                    {
                        yield return producer;
                    }
                }
            }
        }
    }

    /// <summary>The graphs held by an attribute (a Graph or Graphs attribute).</summary>
    public static IEnumerable<Graph> SubgraphsOf(NodeAttribute attribute) => attribute.Value switch
    {
        Graph g => new[] { g },
        Graph[] gs => gs,
        _ => Array.Empty<Graph>(),
    };

    /// <summary>Names this graph (or its nested subgraphs) reads without defining them: values of enclosing scopes.</summary>
    public IEnumerable<string> OuterScopeReferences()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var input in node.Inputs)
            {
                if (input is not null && FindLocal(input.Name) is null)
                {
                    result.Add(input.Name);
                }
            }
            foreach (var attribute in node.Attributes)
            {
                foreach (var subgraph in SubgraphsOf(attribute))
                {
                    result.UnionWith(subgraph.OuterScopeReferences().Where(n => FindLocal(n) is null));
                }
            }
        }
        return result;
    }
}
