using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// One operator application. Inputs and outputs are <see cref="Value"/>s; an omitted optional input or
/// output is null, so positions keep their meaning.
/// </summary>
public sealed class Node
{
    private readonly List<Value?> inputs = new();
    private readonly List<Value?> outputs = new();
    private readonly Dictionary<string, NodeAttribute> attributes = new(StringComparer.Ordinal);

    internal Node(string name, string opType, string domain)
    {
        Name = name;
        OpType = opType;
        Domain = domain;
    }

    public string Name { get; set; }

    public string OpType { get; }

    /// <summary>The operator domain; "" is the default ONNX domain (ai.onnx).</summary>
    public string Domain { get; }

    public string? DocString { get; set; }

    public IReadOnlyList<Value?> Inputs => inputs;

    public IReadOnlyList<Value?> Outputs => outputs;

    public IReadOnlyCollection<NodeAttribute> Attributes => attributes.Values;

    /// <summary>The graph that owns this node.</summary>
    public Graph Graph { get; internal set; } = null!;

    /// <summary>A readable identity for messages: the node name, or the op type and first output.</summary>
    public string DisplayName => Name.Length > 0 ? Name : $"{OpType}({outputs.FirstOrDefault()?.Name})";

    /// <summary>The input at index, or null when it is omitted or beyond the inputs given.</summary>
    public Value? Input(int index) => index < inputs.Count ? inputs[index] : null;

    public Value? Output(int index) => index < outputs.Count ? outputs[index] : null;

    public void SetAttribute(NodeAttribute attribute) => attributes[attribute.Name] = attribute;

    public bool RemoveAttribute(string name) => attributes.Remove(name);

    public NodeAttribute? FindAttribute(string name) => attributes.GetValueOrDefault(name);

    public bool HasAttribute(string name) => attributes.ContainsKey(name);

    public long GetInt(string name, long fallback) => FindAttribute(name)?.AsInt() ?? fallback;

    public float GetFloat(string name, float fallback) => FindAttribute(name)?.AsFloat() ?? fallback;

    public string GetString(string name, string fallback) => FindAttribute(name)?.AsString() ?? fallback;

    public long[]? GetInts(string name) => FindAttribute(name)?.AsInts();

    public float[]? GetFloats(string name) => FindAttribute(name)?.AsFloats();

    public string[]? GetStrings(string name) => FindAttribute(name)?.AsStrings();

    public Tensor? GetTensor(string name) => FindAttribute(name)?.AsTensor();

    public Graph? GetGraph(string name) => FindAttribute(name)?.AsGraph();

    /// <summary>Replaces input index (growing the list with omitted inputs if needed) and rewires consumers.</summary>
    public void SetInput(int index, Value? value)
    {
        while (inputs.Count <= index)
        {
            inputs.Add(null);
        }
        inputs[index]?.RemoveConsumer(this);
        inputs[index] = value;
        value?.AddConsumer(this);
    }

    /// <summary>Replaces output index and makes this node its producer.</summary>
    public void SetOutput(int index, Value? value)
    {
        while (outputs.Count <= index)
        {
            outputs.Add(null);
        }
        if (outputs[index] is { } old && old.Producer == this)
        {
            old.Producer = null;
        }
        outputs[index] = value;
        if (value is not null)
        {
            value.Producer = this;
        }
    }

    /// <summary>Detaches the node from all its values (before removing it from the graph).</summary>
    internal void Disconnect()
    {
        foreach (var input in inputs)
        {
            input?.RemoveConsumer(this);
        }
        foreach (var output in outputs)
        {
            if (output is not null && output.Producer == this)
            {
                output.Producer = null;
            }
        }
    }

    public override string ToString() => $"{OpType} '{DisplayName}'";
}
