using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Shaping;

/// <summary>Squeeze and Unsqueeze: axes as an attribute before opset 13, as an input from 13.</summary>
public sealed class SqueezeFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Squeeze", 1).Until(12).Inputs(1).Outputs(1).Attr("axes", AttributeKind.Ints).Infer(InferSqueeze);
        registry.Add("Squeeze", 13).Inputs(1, 2).Outputs(1).Infer(InferSqueeze);
        registry.Add("Unsqueeze", 1).Until(12).Inputs(1).Outputs(1).RequiredAttr("axes", AttributeKind.Ints).Infer(InferUnsqueeze);
        registry.Add("Unsqueeze", 13).Inputs(2).Outputs(1).Infer(InferUnsqueeze);
    }

    /// <summary>Squeeze's output dims: the listed axes (which must be 1) removed, or every dim of 1 when no axes are given.</summary>
    public static Shape? Squeeze(Shape input, long[]? axes)
    {
        if (axes is null)
        {
            return input.All(d => d.IsKnown) ? new Shape(input.Where(d => d.Value != 1)) : null;
        }
        var removed = axes.Select(a => ShapeMath.NormalizeAxis(a, input.Rank)).ToHashSet();
        foreach (int axis in removed)
        {
            if (input[axis].IsKnown && input[axis].Value != 1)
            {
                throw new ArgumentException($"Cannot squeeze axis {axis} of size {input[axis]}.");
            }
        }
        return new Shape(input.Where((_, i) => !removed.Contains(i)));
    }

    /// <summary>Unsqueeze's output dims: a 1 inserted at each axis, axes counted in the output's rank.</summary>
    public static Shape Unsqueeze(Shape input, long[] axes)
    {
        int rank = input.Rank + axes.Length;
        var inserted = axes.Select(a => ShapeMath.NormalizeAxis(a, rank)).ToHashSet();
        if (inserted.Count != axes.Length)
        {
            throw new ArgumentException("Unsqueeze axes repeat.");
        }
        var dims = new Dim[rank];
        int next = 0;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = inserted.Contains(i) ? 1 : input[next++];
        }
        return new Shape(dims);
    }

    /// <summary>The axes of a Squeeze/Unsqueeze node: the attribute before opset 13, the input after (null when unknown or absent).</summary>
    public static long[]? Axes(InferenceContext context) =>
        context.OpsetVersion < 13 ? context.GetInts("axes") : context.ConstantInts(1);

    private static void InferSqueeze(InferenceContext context)
    {
        var element = context.InputElementType(0);
        bool axesUnknown = context.OpsetVersion >= 13 && context.HasInput(1) && context.ConstantInput(1) is null;
        var output = context.InputShape(0) is { } input && !axesUnknown ? Squeeze(input, Axes(context)) : null;
        context.SetOutput(0, element, output);
        context.ForwardConstant(output);
    }

    private static void InferUnsqueeze(InferenceContext context)
    {
        var element = context.InputElementType(0);
        var axes = Axes(context);
        Shape? output = null;
        if (axes is not null && context.InputShape(0) is { } input)
        {
            output = Unsqueeze(input, axes);
        }
        else if (context.InputShape(0) is { } known && context.StaticLength(1) is int count)
        {
            output = Shape.OfRank(known.Rank + count);
        }
        context.SetOutput(0, element, output);
        context.ForwardConstant(output);
    }
}
