using Aidge.Core.Graphs;
using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Convolution;

/// <summary>
/// Col2Im (18): [N, C·∏block_shape, L] column blocks summed back into an [N, C, image_shape...] image; the
/// spatial rank is the length of image_shape.
/// </summary>
public sealed class Col2Im : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Col2Im", 18).Inputs(3).Outputs(1)
            .Attr("dilations", AttributeKind.Ints)
            .Attr("pads", AttributeKind.Ints)
            .Attr("strides", AttributeKind.Ints)
            .Infer(Infer);

    private static void Infer(InferenceContext context)
    {
        var input = context.InputShape(0);
        if (input is { Rank: not 3 })
        {
            throw context.Fail($"the input must be [N, C * block size, L], not {input}.");
        }
        var image = context.ConstantInts(1);
        var block = context.ConstantInts(2);
        int? spatialRank = image?.Length ?? block?.Length ?? context.StaticLength(1) ?? context.StaticLength(2);
        Shape? output = null;
        if (spatialRank is int rank)
        {
            Dim channels = block is null || input is null ? Dim.Unknown : ShapeInputs.Quotient([input[1]], block.Select(Dim.Of));
            var spatial = image?.Select(Dim.Of) ?? Enumerable.Repeat(Dim.Unknown, rank);
            output = new Shape([input?[0] ?? Dim.Unknown, channels, .. spatial]);
        }
        context.SetOutput(0, context.InputElementType(0), output);
    }
}
