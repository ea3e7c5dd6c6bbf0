using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Import;

/// <summary>
/// Builds an IR <see cref="Graph"/> from a <see cref="GraphProto"/>. Every value the graph defines (inputs,
/// initializers, node outputs) is created before any node is wired, so a subgraph that reads a value of an
/// enclosing graph gets that graph's <see cref="Value"/> object even when the producer comes later in the file.
/// </summary>
internal sealed class GraphImporter
{
    private readonly TensorDecoder tensors;
    private readonly FunctionInliner functions;
    private readonly AttributeDecoder attributes;

    public GraphImporter(TensorDecoder tensors, FunctionInliner functions)
    {
        this.tensors = tensors;
        this.functions = functions;
        attributes = new AttributeDecoder(tensors, Import);
    }

    /// <summary>Imports a graph (the main graph when parent is null), with nodes sorted topologically.</summary>
    public Graph Import(GraphProto proto, Graph? parent)
    {
        var graph = new Graph(proto.Name.Length > 0 ? proto.Name : parent is null ? "main" : "subgraph", parent)
        {
            DocString = NullIfEmpty(proto.DocString),
        };
        var nodes = functions.Expand(proto);
        DefineInitializers(graph, proto);
        DefineInputs(graph, proto.Input);
        DefineNodeOutputs(graph, nodes);
        foreach (var node in nodes)
        {
            AddNode(graph, node);
        }
        ApplyValueInfo(graph, proto.ValueInfo);
        foreach (var output in proto.Output)
        {
            var value = graph.FindLocal(output.Name) ?? graph.Parent?.Find(output.Name) ?? graph.GetOrAddValue(output.Name);
            if (value == graph.FindLocal(output.Name))
            {
                value.Type ??= TypeDecoder.Decode(output.Type, $"Graph output '{output.Name}'");
            }
            value.DocString ??= NullIfEmpty(output.DocString);
            graph.Outputs.Add(value);
        }
        graph.SortTopologically();
        return graph;
    }

    /// <summary>A function body as a graph whose inputs and outputs are the formal parameters (calls are not expanded here).</summary>
    public ModelFunction ImportFunction(FunctionProto proto)
    {
        var body = new Graph(proto.Name) { DocString = NullIfEmpty(proto.DocString) };
        foreach (string input in proto.Input)
        {
            body.Inputs.Add(body.GetOrAddValue(input));
        }
        DefineNodeOutputs(body, proto.Node);
        foreach (var node in proto.Node)
        {
            AddNode(body, node);
        }
        ApplyValueInfo(body, proto.ValueInfo);
        foreach (string output in proto.Output)
        {
            body.Outputs.Add(body.GetOrAddValue(output));
        }
        var function = new ModelFunction(proto.Name, proto.Domain, body);
        function.AttributeNames.AddRange(proto.Attribute);
        function.AttributeDefaults.AddRange(proto.AttributeProto.Select(a => attributes.Decode(a, body)));
        foreach (var import in proto.OpsetImport)
        {
            function.Opsets[import.Domain] = import.Version;
        }
        return function;
    }

    private void DefineInitializers(Graph graph, GraphProto proto)
    {
        foreach (var initializer in proto.Initializer)
        {
            Define(graph, initializer.Name, "initializer");
            graph.AddInitializer(initializer.Name, tensors.Decode(initializer, $"Initializer '{initializer.Name}'"));
        }
        foreach (var sparse in proto.SparseInitializer)
        {
            string name = sparse.Values?.Name ?? string.Empty;
            Define(graph, name, "initializer");
            graph.AddInitializer(name, SparseTensorDecoder.Decode(sparse, tensors, $"Sparse initializer '{name}'"));
        }
    }

    private static void DefineInputs(Graph graph, IEnumerable<ValueInfoProto> inputs)
    {
        foreach (var input in inputs)
        {
            var value = graph.FindLocal(input.Name);
            if (value is null || value.Initializer is null || graph.Inputs.Contains(value))
            {
                value = Define(graph, input.Name, "graph input");
                value.Type = TypeDecoder.Decode(input.Type, $"Graph input '{input.Name}'");
            }
            value.DocString = NullIfEmpty(input.DocString);
            graph.Inputs.Add(value);
        }
    }

    private static void DefineNodeOutputs(Graph graph, IEnumerable<NodeProto> nodes)
    {
        foreach (var node in nodes)
        {
            foreach (string output in node.Output.Where(o => o.Length > 0))
            {
                Define(graph, output, $"output of {node.OpType} '{node.Name}'");
            }
        }
    }

    /// <summary>A new local value; a name defined twice makes the graph invalid (ONNX graphs are single-assignment).</summary>
    private static Value Define(Graph graph, string name, string role)
    {
        if (name.Length == 0)
        {
            throw ImportErrors.Error(DiagnosticCodes.InvalidGraph, $"A {role} of graph '{graph.Name}' has no name.");
        }
        if (graph.FindLocal(name) is not null)
        {
            throw ImportErrors.Error(DiagnosticCodes.InvalidGraph, $"Value '{name}' is defined twice in graph '{graph.Name}' (again as {role}).");
        }
        return graph.GetOrAddValue(name);
    }

    private void AddNode(Graph graph, NodeProto proto)
    {
        string display = proto.Name.Length > 0 ? proto.Name : $"{proto.OpType}({proto.Output.FirstOrDefault()})";
        try
        {
            var inputs = proto.Input.Select(name => name.Length == 0 ? null : Resolve(graph, name));
            var outputs = proto.Output.Select(name => name.Length == 0 ? null : graph.FindLocal(name));
            var node = graph.AddNode(proto.OpType, inputs.ToList(), outputs.ToList(), proto.Name, proto.Domain);
            node.DocString = NullIfEmpty(proto.DocString);
            foreach (var attribute in proto.Attribute)
            {
                node.SetAttribute(attributes.Decode(attribute, graph));
            }
        }
        catch (AidgeException e)
        {
            throw e.WithNode(display);
        }
    }

    /// <summary>A name read by a node: local if defined here, else an enclosing graph's, else a dangling local value the checker reports.</summary>
    private static Value Resolve(Graph graph, string name) =>
        graph.FindLocal(name) ?? graph.Parent?.Find(name) ?? graph.GetOrAddValue(name);

    private static void ApplyValueInfo(Graph graph, IEnumerable<ValueInfoProto> infos)
    {
        foreach (var info in infos)
        {
            if (graph.FindLocal(info.Name) is { Initializer: null } value)
            {
                value.Type = TypeDecoder.Decode(info.Type, $"Value '{info.Name}'") ?? value.Type;
                value.DocString ??= NullIfEmpty(info.DocString);
            }
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
