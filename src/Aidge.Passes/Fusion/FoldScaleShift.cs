using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Folds Mul, Div, Add and Sub by a constant into the Conv, ConvTranspose or Gemm before them, when the constant is a
/// scalar or one value per output channel (broadcasting as [C, 1, 1] or [1, C, 1, 1] after a 2-D convolution, [N] or
/// [1, N] after Gemm): y·s, y/s, y + t, y − t and t − y are affine per channel, so they become scaled weights and an
/// updated bias. A constant that would broadcast the output to another shape, or a Div by zero, is left alone.
/// </summary>
public sealed class FoldScaleShift : IPass
{
    private static readonly string[] Operators = ["Mul", "Div", "Add", "Sub"];

    public string Name => "fold-scale-shift";

    public string Description => "Folds Mul/Div/Add/Sub by a scalar or per-channel constant into the preceding Conv, ConvTranspose or Gemm.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var rewriter = new GraphRewriter(graph);
        foreach (var node in rewriter.Anchors(Operators))
        {
            if (node.Inputs.Count == 2 && !TryFold(node, 0, rewriter, context))
            {
                TryFold(node, 1, rewriter, context);
            }
        }
        return rewriter.Finish();
    }

    /// <summary>Folds <paramref name="node"/> when its input <paramref name="layerInput"/> comes from a foldable layer and the other is a suitable constant.</summary>
    private static bool TryFold(Node node, int layerInput, GraphRewriter rewriter, PassContext context)
    {
        var input = node.Input(layerInput);
        if (rewriter.SoleConsumer(input) != node
            || LinearLayer.TryMatch(input!.Producer, context) is not { } layer
            || Patterns.FloatConstant(context, node.Input(1 - layerInput)) is not { } constant
            || ConstantBroadcast.TryExpand(constant, layer.ChannelShape) is not { } values
            || Affine(node.OpType, layerIsLeft: layerInput == 0, values) is not { } affine)
        {
            return false;
        }
        layer.Fold(rewriter, affine.Scale, affine.Shift);
        rewriter.Absorb(layer.Node, node);
        rewriter.Rewrote($"{node.OpType} '{node.DisplayName}' folded into {layer.Node.OpType} '{layer.Node.DisplayName}'");
        return true;
    }

    /// <summary>What the operation does to each channel y[c], as y[c]·scale[c] + shift[c]; null when it is not affine in y.</summary>
    private static (double[] Scale, double[] Shift)? Affine(string opType, bool layerIsLeft, double[] c)
    {
        var ones = c.Select(_ => 1.0).ToArray();
        var zeros = new double[c.Length];
        return opType switch
        {
            "Mul" => (c, zeros),
            "Div" when layerIsLeft && c.All(v => v != 0) => (c.Select(v => 1 / v).ToArray(), zeros),
            "Add" => (ones, c),
            "Sub" when layerIsLeft => (ones, c.Select(v => -v).ToArray()),
            "Sub" => (c.Select(_ => -1.0).ToArray(), c),
            _ => null,
        };
    }
}
