using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Recognizes GELU as exporters before opset 20 wrote it and replaces the chain with one ai.aidge Gelu:
/// <list type="bullet">
/// <item>exact: <c>x · 0.5 · (1 + Erf(x / √2))</c>, x/√2 as Div by √2 or Mul by 1/√2;</item>
/// <item>tanh approximation: <c>x · 0.5 · (1 + Tanh(√(2/π) · (x + 0.044715 · x³)))</c>, x³ as Pow(x, 3) or x·x·x
/// (approximate = "tanh").</item>
/// </list>
/// The three factors x, 0.5 and (1 + …) may be multiplied in any grouping, constants on either side; constants match
/// within <see cref="Patterns.ConstantTolerance"/>. Every intermediate value must be private to the chain.
/// </summary>
public sealed class RecognizeGelu : IPass
{
    private static readonly double Sqrt2 = Math.Sqrt(2);
    private static readonly double TanhScale = Math.Sqrt(2 / Math.PI);
    private const double CubicCoefficient = 0.044715;

    public string Name => "recognize-gelu";

    public string Description => "Replaces decomposed GELU chains (Erf form, or the Tanh approximation) with one Gelu.";

    public PassResult Run(Graph graph, PassContext context)
    {
        var rewriter = new GraphRewriter(graph);
        foreach (var anchor in rewriter.Anchors("Erf", "Tanh"))
        {
            var chain = new List<Node> { anchor };
            var input = anchor.OpType == "Erf" ? ErfArgument(anchor, chain, rewriter, context) : TanhArgument(anchor, chain, rewriter, context);
            if (input is not { ElementType: DataType.Float, Shape: { } shape }
                || OnePlus(anchor, chain, rewriter, context) is not { } onePlus
                || Product(onePlus, input, chain, rewriter, context) is not { } output
                || !ShapeFacts.SameShape(output.Shape, shape))
            {
                continue;
            }
            AidgeDomain.EnsureImported(graph);
            string approximate = anchor.OpType == "Erf" ? "none" : "tanh";
            rewriter.Replace(chain, () => rewriter.AddNode("Gelu", [input], output, anchor.Name, AidgeDomain.Name)
                .SetAttribute(NodeAttribute.Of("approximate", approximate)));
            rewriter.Rewrote($"{chain.Count} nodes around {anchor.OpType} '{anchor.DisplayName}' became Gelu (approximate={approximate})");
        }
        return rewriter.Finish();
    }

    /// <summary>x of Erf(x / √2) or Erf(x · (1/√2)).</summary>
    private static Value? ErfArgument(Node erf, List<Node> chain, GraphRewriter rewriter, PassContext context)
    {
        var scaled = erf.Input(0);
        if (!rewriter.OnlyFeeds(scaled, erf) || scaled!.Producer is not { } producer || !GraphEdits.IsOnnx(producer))
        {
            return null;
        }
        var x = producer.OpType switch
        {
            "Div" when Patterns.IsScalar(context, producer.Input(1), Sqrt2) => producer.Input(0),
            "Mul" => Patterns.OperandBesideScalar(context, producer, 1 / Sqrt2),
            _ => null,
        };
        return Include(chain, producer, x);
    }

    /// <summary>x of Tanh(√(2/π) · (x + 0.044715 · x³)), the sum's operands and the product's in either order.</summary>
    private static Value? TanhArgument(Node tanh, List<Node> chain, GraphRewriter rewriter, PassContext context)
    {
        var scaled = tanh.Input(0);
        var outer = Patterns.ProducedBy(scaled, "Mul");
        var sum = outer is null ? null : Patterns.OperandBesideScalar(context, outer, TanhScale);
        var add = Patterns.ProducedBy(sum, "Add");
        if (outer is null || add is null || !rewriter.OnlyFeeds(scaled, tanh) || !rewriter.OnlyFeeds(sum, outer) || add.Inputs.Count != 2)
        {
            return null;
        }
        for (int i = 0; i < 2; i++)
        {
            var x = add.Input(i);
            var term = add.Input(1 - i);
            var multiply = Patterns.ProducedBy(term, "Mul");
            var cube = multiply is null ? null : Patterns.OperandBesideScalar(context, multiply, CubicCoefficient);
            if (x is not null && multiply is not null && rewriter.OnlyFeeds(term, add) && rewriter.OnlyFeeds(cube, multiply)
                && CubeNodes(cube!, x, rewriter, context) is { } cubeNodes)
            {
                chain.AddRange([outer, add, multiply, .. cubeNodes]);
                return x;
            }
        }
        return null;
    }

    /// <summary>The nodes computing <paramref name="cube"/> = x³: Pow(x, 3), or Mul of x and a private Mul(x, x) in either order.</summary>
    private static List<Node>? CubeNodes(Value cube, Value x, GraphRewriter rewriter, PassContext context)
    {
        if (Patterns.ProducedBy(cube, "Pow") is { } pow)
        {
            return pow.Input(0) == x && Patterns.IsScalar(context, pow.Input(1), 3) ? [pow] : null;
        }
        if (Patterns.ProducedBy(cube, "Mul") is not { } outer || Patterns.OtherInput(outer, x) is not { } square
            || Patterns.ProducedBy(square, "Mul") is not { } inner || !rewriter.OnlyFeeds(square, outer)
            || inner.Input(0) != x || inner.Input(1) != x)
        {
            return null;
        }
        return [outer, inner];
    }

    /// <summary>The value of 1 + <paramref name="anchor"/>'s output, adding the Add to the chain.</summary>
    private static Value? OnePlus(Node anchor, List<Node> chain, GraphRewriter rewriter, PassContext context) =>
        rewriter.SoleConsumer(anchor.Output(0)) is { OpType: "Add" } add && GraphEdits.IsOnnx(add)
            && Patterns.OperandBesideScalar(context, add, 1) == anchor.Output(0)
            ? Include(chain, add, add.Output(0))
            : null;

    /// <summary>
    /// The value of x · 0.5 · <paramref name="onePlus"/> in any grouping: (1 + …) multiplied by x then 0.5, by 0.5 then x,
    /// or by a private Mul(x, 0.5). Adds the Muls to the chain; null when the factors are not exactly these three.
    /// </summary>
    private static Value? Product(Value onePlus, Value x, List<Node> chain, GraphRewriter rewriter, PassContext context)
    {
        bool hasX = false, hasHalf = false;
        var value = onePlus;
        // At most two Muls: each brings x, 0.5, or (the first) both at once.
        for (int step = 0; step < 2 && !(hasX && hasHalf); step++)
        {
            if (rewriter.SoleConsumer(value) is not { OpType: "Mul" } mul || !GraphEdits.IsOnnx(mul) || Patterns.OtherInput(mul, value) is not { } factor)
            {
                return null;
            }
            if (factor == x && !hasX)
            {
                hasX = true;
            }
            else if (!hasHalf && Patterns.IsScalar(context, factor, 0.5))
            {
                hasHalf = true;
            }
            else if (step == 0 && Patterns.ProducedBy(factor, "Mul") is { } half && rewriter.OnlyFeeds(factor, mul)
                && Patterns.OperandBesideScalar(context, half, 0.5) == x)
            {
                (hasX, hasHalf) = (true, true);
                chain.Add(half);
            }
            else
            {
                return null;
            }
            chain.Add(mul);
            value = mul.Output(0)!;
        }
        return hasX && hasHalf ? value : null;
    }

    /// <summary>Adds <paramref name="node"/> to the chain when it matched (<paramref name="result"/> is not null).</summary>
    private static Value? Include(List<Node> chain, Node node, Value? result)
    {
        if (result is not null)
        {
            chain.Add(node);
        }
        return result;
    }
}
