using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Cleanup;

/// <summary>
/// Removes nodes that copy one of their inputs unchanged: Identity, inference Dropout (when its mask is unused), Cast to
/// the type it already has, Reshape/Flatten/Squeeze/Unsqueeze/Expand to the shape it already has, Transpose by the
/// identity permutation, Slice of everything, Pad by nothing, Concat of one non-empty input. Readers of the copy read
/// the original; a graph output keeps its name (see <see cref="GraphEdits.TryBypass"/>).
/// </summary>
public sealed class RemoveIdentities : IPass
{
    public string Name => "remove-identities";

    public string Description => "Removes Identity, inference Dropout, and Cast/Reshape/Transpose/Slice/Pad/Concat/Expand that leave their input unchanged.";

    public PassResult Run(Graph graph, PassContext context)
    {
        int removed = 0;
        foreach (var node in graph.Nodes.ToList())
        {
            if (node.Output(0) is { } output && PassedThrough(node, context) is { } input && GraphEdits.TryBypass(graph, node, input, output))
            {
                removed++;
            }
        }
        return new PassResult(removed, removed, 0, 0, []);
    }

    /// <summary>The input the node's first output equals, or null when it computes something.</summary>
    private static Value? PassedThrough(Node node, PassContext context)
    {
        if (!GraphEdits.IsOnnx(node) || node.Input(0) is not { } x || node.Output(0) is not { } y)
        {
            return null;
        }
        if (node.OpType == "Concat")
        {
            return OnlyNonEmptyInput(node);
        }
        bool copies = node.OpType switch
        {
            "Identity" => true,
            "Dropout" => IsInferenceDropout(node, context),
            "Cast" => x.ElementType != DataType.Undefined && (long)x.ElementType == node.GetInt("to", -1),
            "CastLike" => x.ElementType != DataType.Undefined && x.ElementType == node.Input(1)?.ElementType,
            "Reshape" or "Flatten" or "Squeeze" or "Unsqueeze" or "Expand" => ShapeFacts.SameShape(x.Shape, y.Shape),
            "Transpose" => ShapeFacts.Permutation(node) is { } perm && ShapeFacts.IsIdentity(perm),
            "Slice" => HasUnitSteps(node, context) && ShapeFacts.SameShape(x.Shape, y.Shape),
            "Pad" => PadsAreZero(node, context),
            _ => false,
        };
        return copies ? x : null;
    }

    /// <summary>
    /// Dropout is the identity at inference: always before opset 12 (the simulator ignores is_test too), and from 12 on
    /// when training_mode is absent or a known false. Its mask output must be unread, since the node produces it.
    /// </summary>
    private static bool IsInferenceDropout(Node node, PassContext context)
    {
        if (node.Output(1) is { } mask && GraphEdits.IsUsed(node.Graph, mask))
        {
            return false;
        }
        if (node.Graph.OnnxOpset < 12 || node.Input(2) is not { } training)
        {
            return true;
        }
        return context.ConstantOf(training) is { Length: 1 } flag && flag.GetDouble(0) == 0;
    }

    /// <summary>Steps of 1 on every axis (absent steps, or before opset 10 where Slice has none).</summary>
    private static bool HasUnitSteps(Node node, PassContext context)
    {
        if (node.Graph.OnnxOpset < 10 || node.Input(4) is not { } steps)
        {
            return true;
        }
        return context.ConstantOf(steps) is { } known && known.ToInt64Array().All(s => s == 1);
    }

    /// <summary>Pads (an attribute before opset 11, an input since) all known to be zero.</summary>
    private static bool PadsAreZero(Node node, PassContext context)
    {
        long[]? pads = node.Graph.OnnxOpset < 11
            ? node.GetInts("pads") ?? node.GetInts("paddings")
            : node.Input(1) is { } input ? context.ConstantOf(input)?.ToInt64Array() : null;
        return pads is not null && pads.All(p => p == 0);
    }

    /// <summary>A Concat's input when it is the only one that is not known to be empty and the output has its shape.</summary>
    private static Value? OnlyNonEmptyInput(Node node)
    {
        var nonEmpty = node.Inputs.Where(v => v is null || v.Shape?.ElementCount != 0).ToList();
        return nonEmpty is [{ } only] && (node.Inputs.Count == 1 || ShapeFacts.SameShape(only.Shape, node.Output(0)!.Shape)) ? only : null;
    }
}
