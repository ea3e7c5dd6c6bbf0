using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Convolution;

/// <summary>
/// DeformConv (19; 22 adds bfloat16): a convolution whose kernel taps sample X at per-position learned offsets;
/// the output has Conv's shape (no auto_pad).
/// </summary>
public sealed class DeformConv : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("DeformConv", 19).Inputs(3, 5).Outputs(1)
            .Attr("dilations", AttributeKind.Ints)
            .Attr("group", AttributeKind.Int, 1L)
            .Attr("kernel_shape", AttributeKind.Ints)
            .Attr("offset_group", AttributeKind.Int, 1L)
            .Attr("pads", AttributeKind.Ints)
            .Attr("strides", AttributeKind.Ints)
            .Infer(ctx => ctx.SetOutput(0, ctx.InputElementType(0), ConvolutionShapes.Infer(ctx, 0, 1)));
    }
}
