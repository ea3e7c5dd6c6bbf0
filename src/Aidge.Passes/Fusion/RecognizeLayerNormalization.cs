using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Operators.Reduction;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Recognizes LayerNormalization as exporters before opset 17 wrote it,
/// <c>d = x − ReduceMean(x); y = d / Sqrt(ReduceMean(d²) + ε) [· γ] [+ β]</c> (d² as Pow(d, 2) or Mul(d, d); axes as
/// ReduceMean's attribute, or its input from opset 18), and replaces the chain with one ai.aidge LayerNormalization
/// (scale of ones, bias of zeros when the model has none). Both reductions must cover the same trailing axes and ε, γ
/// and β be constants; every intermediate value must be private to the chain.
/// </summary>
public sealed class RecognizeLayerNormalization : IPass
{
    public string Name => "recognize-layernorm";

    public string Description => "Replaces decomposed LayerNormalization chains (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add) with one LayerNormalization.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var rewriter = new GraphRewriter(graph);
        foreach (var div in rewriter.Anchors("Div"))
        {
            if (Match(div, rewriter, context) is not { } chain)
            {
                continue;
            }
            AidgeDomain.EnsureImported(graph);
            string name = chain.Nodes[0].Name;
            rewriter.Replace(chain.Nodes, () =>
            {
                var scale = rewriter.AddInitializer($"{chain.Output.Name}_scale", chain.Scale);
                var bias = rewriter.AddInitializer($"{chain.Output.Name}_bias", chain.Bias);
                var layerNorm = rewriter.AddNode("LayerNormalization", [chain.Input, scale, bias], chain.Output, name, AidgeDomain.Name);
                layerNorm.SetAttribute(NodeAttribute.Of("axis", (long)chain.Axis));
                layerNorm.SetAttribute(NodeAttribute.Of("epsilon", chain.Epsilon));
            });
            rewriter.Rewrote($"{chain.Nodes.Count} nodes from '{chain.Nodes[0].DisplayName}' became LayerNormalization over axis {chain.Axis}");
        }
        return rewriter.Finish();
    }

    /// <summary>A matched chain: its nodes (first the leading ReduceMean), input, output, and the operator's parameters.</summary>
    private sealed record Chain(List<Node> Nodes, Value Input, Value Output, int Axis, float Epsilon, Tensor Scale, Tensor Bias);

    /// <summary>Walks up from the Div to the input x, then down through the optional γ and β.</summary>
    private static Chain? Match(Node div, GraphRewriter rewriter, PassContext context)
    {
        // Div(d, Sqrt(Add(ReduceMean(d²), ε))), each intermediate read by the next node only.
        var centred = div.Input(0);
        var sqrt = Patterns.ProducedBy(div.Input(1), "Sqrt");
        var addEpsilon = Patterns.ProducedBy(sqrt?.Input(0), "Add");
        if (sqrt is null || addEpsilon is null || centred is null
            || !rewriter.OnlyFeeds(div.Input(1), div) || !rewriter.OnlyFeeds(sqrt.Input(0), sqrt)
            || SplitScalar(addEpsilon, context) is not (var variance, var epsilon))
        {
            return null;
        }
        var reduceVariance = Patterns.ProducedBy(variance, "ReduceMean");
        var square = reduceVariance?.Input(0)?.Producer;
        if (reduceVariance is null || square is null || !IsSquareOf(square, centred, context)
            || !rewriter.OnlyFeeds(variance, addEpsilon) || !rewriter.OnlyFeeds(square.Output(0), reduceVariance))
        {
            return null;
        }
        // d = Sub(x, ReduceMean(x)), read by the square and the Div only.
        var sub = Patterns.ProducedBy(centred, "Sub");
        var reduceMean = Patterns.ProducedBy(sub?.Input(1), "ReduceMean");
        var input = sub?.Input(0);
        if (sub is null || reduceMean is null || input is not { ElementType: DataType.Float, Shape: { } shape }
            || reduceMean.Input(0) != input || !rewriter.OnlyFeeds(sub.Input(1), sub)
            || rewriter.IsGraphOutput(centred) || centred.Consumers.Any(c => c != square && c != div)
            || TrailingAxis(reduceMean, shape.Rank, context) is not int axis || TrailingAxis(reduceVariance, shape.Rank, context) != axis
            || shape.Skip(axis).Any(d => !d.IsKnown))
        {
            return null;
        }
        var nodes = new List<Node> { reduceMean, sub, square, reduceVariance, addEpsilon, sqrt, div };
        // γ and β must broadcast over the normalized dims only: as a tensor of x's shape with the leading dims at 1.
        var blockShape = shape.Select((d, i) => i < axis ? 1 : d.Value!.Value).ToArray();
        var normalizedDims = blockShape[axis..];
        var output = div.Output(0)!;
        var scale = Filled(1f, normalizedDims);
        var bias = Filled(0f, normalizedDims);
        if (Affine(output, "Mul", blockShape, rewriter, context) is (var gamma, var mul))
        {
            (scale, output) = (gamma.Reshape(normalizedDims), mul.Output(0)!);
            nodes.Add(mul);
        }
        if (Affine(output, "Add", blockShape, rewriter, context) is (var beta, var add))
        {
            (bias, output) = (beta.Reshape(normalizedDims), add.Output(0)!);
            nodes.Add(add);
        }
        // The only constants that could still broadcast are ε and the exponent, one element each: at most they add
        // leading dims, which the output's shape would show.
        return ShapeFacts.SameShape(output.Shape, shape) ? new Chain(nodes, input, output, axis, (float)epsilon, scale, bias) : null;
    }

    /// <summary>
    /// The node reading <paramref name="output"/>, when it is its only reader, a <paramref name="opType"/> and its other
    /// operand a constant that broadcasts over the normalized dims (γ for Mul, β for Add); with that constant expanded
    /// to <paramref name="blockShape"/>.
    /// </summary>
    private static (Tensor Values, Node Node)? Affine(Value output, string opType, long[] blockShape, GraphRewriter rewriter, PassContext context) =>
        rewriter.SoleConsumer(output) is { } node && node.OpType == opType && GraphEdits.IsOnnx(node)
            && Patterns.FloatConstant(context, Patterns.OtherInput(node, output)) is { } constant
            && ConstantBroadcast.TryExpand(constant, blockShape) is { } values
            ? (Tensor.FromArray(values.Select(v => (float)v).ToArray(), blockShape), node)
            : null;

    private static Tensor Filled(float value, long[] dims) => Tensor.FromArray(Enumerable.Repeat(value, (int)Tensor.ElementCountOf(dims)).ToArray(), dims);

    /// <summary>The Add's other operand and the value of its one-element constant operand, or null when it has none.</summary>
    private static (Value Other, double Scalar)? SplitScalar(Node add, PassContext context)
    {
        if (add.Inputs.Count != 2 || add.Input(0) is not { } left || add.Input(1) is not { } right)
        {
            return null;
        }
        if (Patterns.ScalarOf(context, right) is double scalar)
        {
            return (left, scalar);
        }
        return Patterns.ScalarOf(context, left) is double leftScalar ? (right, leftScalar) : null;
    }

    /// <summary>Pow(d, 2) or Mul(d, d).</summary>
    private static bool IsSquareOf(Node node, Value? value, PassContext context) => GraphEdits.IsOnnx(node) && value is not null && node.OpType switch
    {
        "Pow" => node.Input(0) == value && Patterns.IsScalar(context, node.Input(1), 2),
        "Mul" => node.Input(0) == value && node.Input(1) == value,
        _ => false,
    };

    /// <summary>
    /// The first axis of a keepdims ReduceMean over the trailing axes [axis, rank), or null for any other reduction
    /// (axes as the attribute before opset 18, as a constant input from 18; absent axes reduce all of them).
    /// </summary>
    private static int? TrailingAxis(Node reduceMean, int rank, PassContext context)
    {
        bool axesAsInput = reduceMean.Graph.OnnxOpset >= 18;
        if (reduceMean.GetInt("keepdims", 1) != 1 || (axesAsInput && reduceMean.GetInt("noop_with_empty_axes", 0) != 0))
        {
            return null;
        }
        var axesInput = axesAsInput ? reduceMean.Input(1) : null;
        long[]? axes = axesInput is null ? reduceMean.GetInts("axes") : context.ConstantOf(axesInput)?.ToInt64Array();
        if (axesInput is not null && axes is null)
        {
            return null;
        }
        bool[] reduced;
        try
        {
            reduced = ReductionAxes.Resolve(axes, rank, noopWithEmptyAxes: false);
        }
        catch (ArgumentException)
        {
            return null;
        }
        int first = Array.IndexOf(reduced, true);
        return first >= 0 && reduced.Skip(first).All(r => r) ? first : null;
    }
}
