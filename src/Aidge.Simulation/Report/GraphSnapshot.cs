using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Report;

/// <summary>A node of a graph picture: graph inputs and outputs are nodes too (kind "input" / "output").</summary>
public sealed record GraphNode(int Id, string Kind, string Op, string Name, string Detail);

/// <summary>A tensor flowing from one node to another.</summary>
public sealed record GraphEdge(int From, int To, string Tensor);

/// <summary>
/// What a picture of a graph needs, copied out of it (passes rewrite the graph in place, so the "before" picture is
/// taken before they run): nodes in graph order and the tensors between them. Constants (initializers, folded
/// values) are not drawn: they are parameters, listed in the layer table.
/// </summary>
public sealed record GraphSnapshot(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public int OperatorCount => Nodes.Count(n => n.Kind == "op");

    public static GraphSnapshot Of(Graph graph)
    {
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        var producerOf = new Dictionary<Value, int>();
        foreach (var input in graph.RuntimeInputs)
        {
            producerOf[input] = nodes.Count;
            nodes.Add(new GraphNode(nodes.Count, "input", "input", input.Name, Describe(input)));
        }
        foreach (var node in graph.Nodes)
        {
            int id = nodes.Count;
            nodes.Add(new GraphNode(id, "op", node.OpType, node.Name, node.Output(0) is { } first ? Describe(first) : ""));
            foreach (var input in node.Inputs.OfType<Value>().Distinct())
            {
                if (producerOf.TryGetValue(input, out int from))
                {
                    edges.Add(new GraphEdge(from, id, input.Name));
                }
            }
            foreach (var output in node.Outputs.OfType<Value>())
            {
                producerOf[output] = id;
            }
        }
        foreach (var output in graph.Outputs)
        {
            int id = nodes.Count;
            nodes.Add(new GraphNode(id, "output", "output", output.Name, Describe(output)));
            if (producerOf.TryGetValue(output, out int from))
            {
                edges.Add(new GraphEdge(from, id, output.Name));
            }
        }
        return new GraphSnapshot(nodes, edges);
    }

    private static string Describe(Value value) => value.Shape is { } shape ? $"{value.ElementType.OnnxName()} {shape}" : "";
}
