using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Cleanup;

/// <summary>
/// Collapses chains of data movement that only rearrange dims: a Transpose of a Transpose becomes one Transpose by the
/// composed permutation (nothing when it is the identity), and a Reshape/Flatten/Squeeze/Unsqueeze of another becomes
/// one Reshape to the final static shape (nothing when that is the first input's shape). The first node of a chain
/// goes when nothing else reads it.
/// </summary>
public sealed class CancelTransposes : IPass
{
    private static readonly HashSet<string> ReshapeLike = new(StringComparer.Ordinal) { "Reshape", "Flatten", "Squeeze", "Unsqueeze" };

    public string Name => "cancel-transposes";

    public string Description => "Composes Transpose pairs and collapses Reshape/Flatten/Squeeze/Unsqueeze chains into one Reshape; inverse pairs vanish.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var result = PassResult.Unchanged;
        bool appended = false;
        foreach (var node in graph.Nodes.ToList())
        {
            if (!GraphEdits.IsOnnx(node) || node.Input(0)?.Producer is not { } inner || inner.Graph != graph || !GraphEdits.IsOnnx(inner))
            {
                continue;
            }
            var step = node.OpType == "Transpose" && inner.OpType == "Transpose" ? ComposeTransposes(graph, inner, node)
                : ReshapeLike.Contains(node.OpType) && ReshapeLike.Contains(inner.OpType) ? CollapseReshapes(graph, inner, node, ref appended)
                : PassResult.Unchanged;
            if (step.Changed && GraphEdits.RemoveIfUnused(graph, inner))
            {
                step = step with { NodesRemoved = step.NodesRemoved + 1 };
            }
            result = result.Plus(step);
        }
        if (appended)
        {
            graph.SortTopologically();
        }
        return result;
    }

    private static PassResult ComposeTransposes(Graph graph, Node inner, Node outer)
    {
        if (ShapeFacts.Permutation(inner) is not { } first || ShapeFacts.Permutation(outer) is not { } second || first.Length != second.Length)
        {
            return PassResult.Unchanged;
        }
        var source = inner.Input(0)!;
        long[] composed = ShapeFacts.Compose(first, second);
        if (ShapeFacts.IsIdentity(composed))
        {
            return GraphEdits.TryBypass(graph, outer, source, outer.Output(0)!) ? new PassResult(1, 1, 0, 0, []) : PassResult.Unchanged;
        }
        outer.SetInput(0, source);
        outer.SetAttribute(NodeAttribute.Of("perm", composed));
        return new PassResult(1, 0, 0, 0, []);
    }

    /// <summary>The outer node reshapes the inner's input directly: bypassed when shapes match, else one Reshape to its static shape.</summary>
    private static PassResult CollapseReshapes(Graph graph, Node inner, Node outer, ref bool appended)
    {
        var source = inner.Input(0)!;
        var output = outer.Output(0)!;
        if (ShapeFacts.SameShape(source.Shape, output.Shape))
        {
            return GraphEdits.TryBypass(graph, outer, source, output) ? new PassResult(1, 1, 0, 0, []) : PassResult.Unchanged;
        }
        // Reshape takes its shape as an input from opset 5; a zero dim would mean "copy the input's" without allowzero.
        if (graph.OnnxOpset < 5 || !ShapeFacts.IsStaticNonEmpty(output.Shape))
        {
            return PassResult.Unchanged;
        }
        long[] dims = output.Shape!.ToArray();
        var target = graph.AddInitializer(graph.UniqueName(output.Name + "_shape"), Tensor.FromArray(dims, dims.Length));
        long targetBytes = dims.Length * sizeof(long);
        if (outer.OpType == "Reshape")
        {
            outer.SetInput(0, source);
            outer.SetInput(1, target);
            outer.RemoveAttribute("allowzero");
            return new PassResult(1, 0, 0, -targetBytes, []);
        }
        string name = outer.Name;
        graph.RemoveNode(outer);
        graph.AddNode("Reshape", [source, target], [output], name);
        appended = true;
        return new PassResult(1, 1, 1, -targetBytes, []);
    }
}
