using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>
/// Pad: <c>paddings</c> (opset 1) or <c>pads</c> (2-10) attributes with a float <c>value</c>; from 11 pads and the
/// constant as inputs, from 18 an <c>axes</c> input, from 19 the <c>wrap</c> mode. Negative pads crop.
/// </summary>
public sealed class PadFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Pad", 1).Until(1).Inputs(1).Outputs(1)
            .Attr("mode", AttributeKind.String, "constant")
            .RequiredAttr("paddings", AttributeKind.Ints)
            .Attr("value", AttributeKind.Float, 0f)
            .Infer(Infer);
        registry.Add("Pad", 2).Until(10).Inputs(1).Outputs(1)
            .Attr("mode", AttributeKind.String, "constant")
            .RequiredAttr("pads", AttributeKind.Ints)
            .Attr("value", AttributeKind.Float, 0f)
            .Infer(Infer);
        registry.Add("Pad", 11).Until(17).Inputs(2, 3).Outputs(1).Attr("mode", AttributeKind.String, "constant").Infer(Infer);
        registry.Add("Pad", 18).Inputs(2, 4).Outputs(1).Attr("mode", AttributeKind.String, "constant").Infer(Infer);
    }

    /// <summary>
    /// The pads of every axis, as [begin_0, ..., begin_r-1, end_0, ..., end_r-1], from the pads given for
    /// <paramref name="axes"/> (all axes in order when null).
    /// </summary>
    public static long[] PerAxis(long[] pads, long[]? axes, int rank)
    {
        var order = (axes ?? Enumerable.Range(0, rank).Select(a => (long)a).ToArray()).Select(a => ShapeMath.NormalizeAxis(a, rank)).ToArray();
        if (pads.Length != 2 * order.Length)
        {
            throw new ArgumentException($"{pads.Length} pads do not fit {order.Length} axes.");
        }
        var full = new long[2 * rank];
        for (int i = 0; i < order.Length; i++)
        {
            full[order[i]] = pads[i];
            full[order[i] + rank] = pads[i + order.Length];
        }
        return full;
    }

    /// <summary>The pads as given by the node (attribute before opset 11, input from 11), or null when not known yet.</summary>
    public static long[]? GivenPads(int opsetVersion, Node node, Func<int, long[]?> input) => opsetVersion switch
    {
        1 => node.GetInts("paddings"),
        < 11 => node.GetInts("pads"),
        _ => input(1),
    };

    private static void Infer(InferenceContext context)
    {
        var element = context.InputElementType(0);
        if (context.InputShape(0) is not { } input)
        {
            context.SetOutput(0, element, null);
            return;
        }
        var pads = GivenPads(context.OpsetVersion, context.Node, context.ConstantInts);
        bool axesUnknown = context.OpsetVersion >= 18 && context.HasInput(3) && context.ConstantInput(3) is null;
        if (pads is null || axesUnknown)
        {
            context.SetOutput(0, element, Shape.OfRank(input.Rank));
            return;
        }
        var full = PerAxis(pads, context.OpsetVersion >= 18 && context.HasInput(3) ? context.ConstantInts(3) : null, input.Rank);
        var dims = input.Select((d, i) => full[i] == 0 && full[i + input.Rank] == 0 ? d
            : d.Value is long size ? Dim.Of(size + full[i] + full[i + input.Rank]) : Dim.Unknown);
        context.SetOutput(0, element, new Shape(dims));
    }
}
