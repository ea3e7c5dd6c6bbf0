using Aidge.Core.Diagnostics;
using Aidge.Onnx.Proto;

namespace Aidge.Onnx.Import;

/// <summary>
/// Expands calls to model-local functions (FunctionProto) into their bodies, at the protobuf level before
/// import, so the rest of the system only ever sees standard operators. Formal inputs and outputs become
/// the caller's names, every other body value gets a fresh name unique in the graph, and attributes that
/// refer to the caller's (<c>ref_attr_name</c>) take the caller's value or the function's default.
/// </summary>
internal sealed class FunctionInliner
{
    private const int MaxNesting = 32;

    private readonly Dictionary<(string Domain, string Name, string Overload), FunctionProto> functions = new();

    public FunctionInliner(IEnumerable<FunctionProto> functions)
    {
        foreach (var function in functions)
        {
            this.functions[(function.Domain, function.Name, function.Overload)] = function;
        }
    }

    public bool IsEmpty => functions.Count == 0;

    /// <summary>The nodes with every function call replaced by the function's (renamed) body.</summary>
    public IReadOnlyList<NodeProto> Expand(GraphProto graph)
    {
        if (IsEmpty)
        {
            return graph.Node;
        }
        var names = new UniqueNames(graph);
        var result = new List<NodeProto>();
        foreach (var node in graph.Node)
        {
            ExpandInto(node, names, result, 0);
        }
        return result;
    }

    private void ExpandInto(NodeProto node, UniqueNames names, List<NodeProto> result, int depth)
    {
        if (!functions.TryGetValue((node.Domain, node.OpType, node.Overload), out var function))
        {
            result.Add(node);
            return;
        }
        if (depth >= MaxNesting)
        {
            throw new AidgeException(DiagnosticCodes.InvalidGraph,
                $"Function {node.OpType} calls itself (directly or through others) more than {MaxNesting} levels deep.", node: node.Name);
        }
        foreach (var inlined in Instantiate(function, node, names))
        {
            ExpandInto(inlined, names, result, depth + 1);
        }
    }

    /// <summary>One copy of the function body bound to this call's values and attributes.</summary>
    private static IEnumerable<NodeProto> Instantiate(FunctionProto function, NodeProto call, UniqueNames names)
    {
        var rename = new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = string.Empty };
        for (int i = 0; i < function.Input.Count; i++)
        {
            rename[function.Input[i]] = i < call.Input.Count ? call.Input[i] : string.Empty;
        }
        string prefix = call.Name.Length > 0 ? call.Name : function.Name;
        for (int i = 0; i < function.Output.Count; i++)
        {
            bool bound = i < call.Output.Count && call.Output[i].Length > 0;
            rename[function.Output[i]] = bound ? call.Output[i] : names.Fresh($"{prefix}/{function.Output[i]}");
        }
        foreach (var output in function.Node.SelectMany(n => n.Output))
        {
            if (!rename.ContainsKey(output))
            {
                rename[output] = names.Fresh($"{prefix}/{output}");
            }
        }
        var arguments = new AttributeArguments(function, call);
        foreach (var bodyNode in function.Node)
        {
            var copy = bodyNode.Clone();
            copy.Name = bodyNode.Name.Length > 0 ? $"{prefix}/{bodyNode.Name}" : string.Empty;
            Rebind(copy, rename, arguments, new HashSet<string>(StringComparer.Ordinal));
            yield return copy;
        }
    }

    /// <summary>
    /// Renames a node's values and substitutes its referenced attributes, descending into subgraphs where
    /// names defined by the subgraph itself shadow the body's.
    /// </summary>
    private static void Rebind(NodeProto node, Dictionary<string, string> rename, AttributeArguments arguments, HashSet<string> shadowed)
    {
        for (int i = 0; i < node.Input.Count; i++)
        {
            node.Input[i] = Renamed(node.Input[i], rename, shadowed);
        }
        for (int i = 0; i < node.Output.Count; i++)
        {
            node.Output[i] = Renamed(node.Output[i], rename, shadowed);
        }
        var attributes = node.Attribute.Select(arguments.Substitute).OfType<AttributeProto>().ToList();
        node.Attribute.Clear();
        node.Attribute.AddRange(attributes);
        foreach (var attribute in node.Attribute)
        {
            foreach (var graph in SubgraphsOf(attribute))
            {
                var inner = new HashSet<string>(shadowed, StringComparer.Ordinal);
                inner.UnionWith(graph.Input.Select(v => v.Name));
                inner.UnionWith(graph.Initializer.Select(t => t.Name));
                inner.UnionWith(graph.Node.SelectMany(n => n.Output));
                foreach (var innerNode in graph.Node)
                {
                    Rebind(innerNode, rename, arguments, inner);
                }
                foreach (var output in graph.Output)
                {
                    output.Name = Renamed(output.Name, rename, inner);
                }
            }
        }
    }

    internal static IEnumerable<GraphProto> SubgraphsOf(AttributeProto attribute) =>
        attribute.G is null ? attribute.Graphs : attribute.Graphs.Prepend(attribute.G);

    private static string Renamed(string name, Dictionary<string, string> rename, HashSet<string> shadowed) =>
        !shadowed.Contains(name) && rename.TryGetValue(name, out var renamed) ? renamed : name;

    /// <summary>The attribute values of one call: the caller's, else the function's defaults.</summary>
    private sealed class AttributeArguments
    {
        private readonly Dictionary<string, AttributeProto> values = new(StringComparer.Ordinal);

        public AttributeArguments(FunctionProto function, NodeProto call)
        {
            foreach (var fallback in function.AttributeProto)
            {
                values[fallback.Name] = fallback;
            }
            foreach (var given in call.Attribute)
            {
                values[given.Name] = given;
            }
        }

        /// <summary>The attribute with its reference resolved; null when neither caller nor default gives a value.</summary>
        public AttributeProto? Substitute(AttributeProto attribute)
        {
            if (attribute.RefAttrName.Length == 0)
            {
                return attribute;
            }
            if (!values.TryGetValue(attribute.RefAttrName, out var value))
            {
                return null;
            }
            var copy = value.Clone();
            copy.Name = attribute.Name;
            return copy;
        }
    }

    /// <summary>Names already used in a graph (and its subgraphs), so fresh names never collide.</summary>
    private sealed class UniqueNames
    {
        private readonly HashSet<string> used = new(StringComparer.Ordinal);

        public UniqueNames(GraphProto graph) => Collect(graph);

        public string Fresh(string hint)
        {
            string name = hint;
            for (int i = 1; !used.Add(name); i++)
            {
                name = $"{hint}_{i}";
            }
            return name;
        }

        private void Collect(GraphProto graph)
        {
            used.UnionWith(graph.Input.Select(v => v.Name));
            used.UnionWith(graph.Output.Select(v => v.Name));
            used.UnionWith(graph.ValueInfo.Select(v => v.Name));
            used.UnionWith(graph.Initializer.Select(t => t.Name));
            foreach (var node in graph.Node)
            {
                used.UnionWith(node.Input);
                used.UnionWith(node.Output);
                foreach (var subgraph in node.Attribute.SelectMany(SubgraphsOf))
                {
                    Collect(subgraph);
                }
            }
        }
    }
}
