using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>CenterCropPad (18): the listed <c>axes</c> (all by default) take the sizes of the <c>shape</c> input; the others stay.</summary>
public sealed class CenterCropPad : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("CenterCropPad", 18).Inputs(2).Outputs(1).Attr("axes", AttributeKind.Ints).Infer(Infer);

    /// <summary>The target size of every axis: <paramref name="sizes"/> on <paramref name="axes"/> (all axes when null), else the input's.</summary>
    public static T[] TargetDims<T>(IReadOnlyList<T> input, long[] sizes, long[]? axes, Func<long, T> size)
    {
        var dims = input.ToArray();
        int count = axes?.Length ?? dims.Length;
        if (sizes.Length != count)
        {
            throw new ArgumentException($"CenterCropPad has {sizes.Length} sizes for {count} axes.");
        }
        for (int i = 0; i < count; i++)
        {
            dims[axes is null ? i : ShapeMath.NormalizeAxis(axes[i], dims.Length)] = size(sizes[i]);
        }
        return dims;
    }

    private static void Infer(InferenceContext context)
    {
        var input = context.InputShape(0);
        var axes = context.GetInts("axes");
        Shape? output = null;
        if (input is not null)
        {
            output = context.ConstantInts(1) is { } sizes
                ? new Shape(TargetDims(input, sizes, axes, Dim.Of))
                : new Shape(TargetDims(input, new long[axes?.Length ?? input.Rank], axes, _ => Dim.Unknown));
        }
        context.SetOutput(0, context.InputElementType(0), output);
    }
}
