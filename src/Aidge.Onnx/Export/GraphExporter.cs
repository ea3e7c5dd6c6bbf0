using Aidge.Core.Graphs;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Export;

/// <summary>
/// Writes an IR <see cref="Graph"/> as a <see cref="GraphProto"/>: initializers as raw data, typed inputs and
/// outputs, the types of intermediate values as value_info, and subgraphs nested in their attributes
/// (values of enclosing graphs are referred to by name, as ONNX scoping expects).
/// </summary>
internal sealed class GraphExporter
{
    private readonly AttributeEncoder attributes;

    public GraphExporter() => attributes = new AttributeEncoder(Export);

    public GraphProto Export(Graph graph)
    {
        var proto = new GraphProto { Name = graph.Name };
        if (graph.DocString is { } doc)
        {
            proto.DocString = doc;
        }
        proto.Initializer.AddRange(graph.Initializers.Select(v => TensorEncoder.Encode(v.Initializer!, v.Name)));
        proto.Input.AddRange(graph.Inputs.Select(ValueInfo));
        proto.Output.AddRange(graph.Outputs.Select(ValueInfo));
        proto.Node.AddRange(graph.Nodes.Select(ExportNode));
        var declared = new HashSet<Value>(graph.Inputs.Concat(graph.Outputs).Concat(graph.Initializers));
        var intermediates = graph.Nodes
            .SelectMany(n => n.Outputs)
            .OfType<Value>()
            .Where(v => v.Type is not null && declared.Add(v));
        proto.ValueInfo.AddRange(intermediates.Select(ValueInfo));
        return proto;
    }

    public NodeProto ExportNode(Node node)
    {
        var proto = new NodeProto { OpType = node.OpType };
        if (node.Name.Length > 0)
        {
            proto.Name = node.Name;
        }
        if (node.Domain.Length > 0)
        {
            proto.Domain = node.Domain;
        }
        if (node.DocString is { } doc)
        {
            proto.DocString = doc;
        }
        proto.Input.AddRange(node.Inputs.Select(v => v?.Name ?? string.Empty));
        proto.Output.AddRange(node.Outputs.Select(v => v?.Name ?? string.Empty));
        proto.Attribute.AddRange(node.Attributes.Select(attributes.Encode));
        return proto;
    }

    public AttributeProto ExportAttribute(NodeAttribute attribute) => attributes.Encode(attribute);

    private static ValueInfoProto ValueInfo(Value value)
    {
        var proto = new ValueInfoProto { Name = value.Name };
        if (value.Type is { } type)
        {
            proto.Type = TypeEncoder.Encode(type);
        }
        if (value.DocString is { } doc)
        {
            proto.DocString = doc;
        }
        return proto;
    }
}
