using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// A named edge of the graph: produced by at most one node (or a graph input or initializer) and read by
/// any number of consumers. Its type is set at import and refined by shape inference.
/// </summary>
public sealed class Value
{
    private readonly List<Node> consumers = new();

    public Value(string name, IrType? type = null)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; set; }

    /// <summary>The type, or null while it is not known.</summary>
    public IrType? Type { get; set; }

    /// <summary>The element type when this is a tensor (or a container of tensors), else Undefined.</summary>
    public DataType ElementType => Type?.ElementType ?? DataType.Undefined;

    /// <summary>The tensor shape, or null when the value is not a tensor or its rank is unknown.</summary>
    public Shape? Shape => (Type as TensorType)?.Shape;

    /// <summary>The node that computes this value; null for graph inputs, initializers and outer-scope values.</summary>
    public Node? Producer { get; internal set; }

    public IReadOnlyList<Node> Consumers => consumers;

    /// <summary>The constant data of an initializer.</summary>
    public Tensor? Initializer { get; set; }

    public string? DocString { get; set; }

    internal void AddConsumer(Node node) => consumers.Add(node);

    internal void RemoveConsumer(Node node) => consumers.Remove(node);

    public override string ToString() => $"{Name}: {Type?.ToString() ?? "?"}";
}
