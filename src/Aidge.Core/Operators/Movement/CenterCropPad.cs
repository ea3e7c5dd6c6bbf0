using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Movement;

/// <summary>CenterCropPad (opset 18): each listed axis cropped or zero-padded, centered, to the length the shape input gives.</summary>
public sealed class CenterCropPadFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("CenterCropPad", 18).Inputs(2).Outputs(1).Attr("axes", AttributeKind.Ints).Infer(context =>
        {
            var element = context.InputElementType(0);
            if (context.InputShape(0) is not { } input)
            {
                context.SetOutput(0, element, null);
                return;
            }
            var axes = Axes(context.GetInts("axes"), input.Rank);
            var lengths = context.ConstantInts(1);
            var dims = Enumerable.ToArray(input);
            for (int i = 0; i < axes.Length; i++)
            {
                dims[axes[i]] = lengths is null ? Dim.Unknown : lengths[i];
            }
            context.SetOutput(0, element, new Shape(dims));
        });

    /// <summary>The axes the shape input refers to: the attribute, normalized, or all of them in order.</summary>
    public static int[] Axes(long[]? axes, int rank) =>
        axes?.Select(a => ShapeMath.NormalizeAxis(a, rank)).ToArray() ?? Enumerable.Range(0, rank).ToArray();
}
