using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Convolution;

/// <summary>Conv (float) and its integer forms ConvInteger and QLinearConv: same geometry attributes, same output shape.</summary>
public sealed class ConvFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        WindowAttributes(registry.Add("Conv", 1).Inputs(2, 3)).Infer(InferConv);
        WindowAttributes(registry.Add("ConvInteger", 10).Inputs(2, 4))
            .Infer(ctx => ctx.SetOutput(0, DataType.Int32, ConvolutionShapes.Infer(ctx, 0, 1)));
        // QLinearConv: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point[, B].
        WindowAttributes(registry.Add("QLinearConv", 10).Inputs(8, 9))
            .Infer(ctx => ctx.SetOutput(0, ctx.InputElementType(7), ConvolutionShapes.Infer(ctx, 0, 3)));
    }

    /// <summary>Conv's output: X's element type, the window's shape (FusedConv infers the same way).</summary>
    internal static void InferConv(InferenceContext ctx) => ctx.SetOutput(0, ctx.InputElementType(0), ConvolutionShapes.Infer(ctx, 0, 1));

    /// <summary>The attributes every convolution shares (ConvTranspose adds output_padding and output_shape).</summary>
    internal static OpSchema WindowAttributes(OpSchema schema) => schema
        .Attr("auto_pad", AttributeKind.String, "NOTSET")
        .Attr("dilations", AttributeKind.Ints)
        .Attr("group", AttributeKind.Int, 1L)
        .Attr("kernel_shape", AttributeKind.Ints)
        .Attr("pads", AttributeKind.Ints)
        .Attr("strides", AttributeKind.Ints);
}
