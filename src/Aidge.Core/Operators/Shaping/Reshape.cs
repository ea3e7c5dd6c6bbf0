using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Shaping;

/// <summary>Reshape (target shape as an attribute before opset 5, as an input after; allowzero from 14) and Flatten.</summary>
public sealed class ReshapeFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Reshape", 1).Until(4).Inputs(1).Outputs(1)
            .Attr("shape", AttributeKind.Ints)
            .Attr("consumed_inputs", AttributeKind.Ints)
            .Infer(InferReshape);
        registry.Add("Reshape", 5).Until(13).Inputs(2).Outputs(1).Infer(InferReshape);
        registry.Add("Reshape", 14).Inputs(2).Outputs(1).Attr("allowzero", AttributeKind.Int, 0L).Infer(InferReshape);
        registry.Add("Flatten", 1).Inputs(1).Outputs(1).Attr("axis", AttributeKind.Int, 1L).Infer(InferFlatten);
    }

    /// <summary>
    /// The output shape of Reshape: 0 copies the input dim (unless allowzero), -1 takes what is left of the element
    /// count. Works on symbolic dims; with static input dims the result is static or the target is invalid.
    /// </summary>
    public static Shape Resolve(Shape? input, IReadOnlyList<long> target, bool allowZero)
    {
        var dims = new Dim[target.Count];
        int inferred = -1;
        for (int i = 0; i < target.Count; i++)
        {
            long t = target[i];
            if (t == 0 && !allowZero)
            {
                dims[i] = input is null ? Dim.Unknown
                    : i < input.Rank ? input[i] : throw new ArgumentException($"Shape entry {i} is 0 (copy) but the input has rank {input.Rank}.");
            }
            else if (t == -1)
            {
                inferred = inferred < 0 ? i : throw new ArgumentException("The target shape has more than one -1.");
            }
            else
            {
                dims[i] = t >= 0 ? t : throw new ArgumentException($"Invalid target dim {t}.");
            }
        }
        if (inferred >= 0)
        {
            dims[inferred] = input is null ? Dim.Unknown : ShapeInputs.Quotient(input, dims.Where((_, i) => i != inferred));
            if (input is { IsStatic: true } && !dims[inferred].IsKnown)
            {
                throw new ArgumentException($"Cannot reshape {input} to [{string.Join(",", target)}].");
            }
        }
        return new Shape(dims);
    }

    /// <summary>Flatten's two dims: the product of the dims before axis and of those from axis on.</summary>
    public static Shape Flatten(Shape input, long axis)
    {
        int split = (int)(axis < 0 ? axis + input.Rank : axis);
        if (split < 0 || split > input.Rank)
        {
            throw new ArgumentException($"Flatten axis {axis} is out of range for rank {input.Rank}.");
        }
        return new Shape(new[] { ShapeInputs.Product(input.Take(split)), ShapeInputs.Product(input.Skip(split)) });
    }

    private static void InferReshape(InferenceContext context)
    {
        var element = context.InputElementType(0);
        long[]? target = context.OpsetVersion < 5 ? context.GetInts("shape") : context.ConstantInts(1);
        if (target is null)
        {
            context.SetOutput(0, element, context.OpsetVersion >= 5 && context.StaticLength(1) is int rank ? Shape.OfRank(rank) : null);
            return;
        }
        var output = Resolve(context.InputShape(0), target, context.OpsetVersion >= 14 && context.GetInt("allowzero") != 0);
        context.SetOutput(0, element, output);
        context.ForwardConstant(output);
    }

    private static void InferFlatten(InferenceContext context)
    {
        var output = context.InputShape(0) is { } input ? Flatten(input, context.GetInt("axis")) : Shape.OfRank(2);
        context.SetOutput(0, context.InputElementType(0), output);
        context.ForwardConstant(output);
    }
}
