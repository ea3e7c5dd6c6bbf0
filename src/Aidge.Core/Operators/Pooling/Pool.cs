using Aidge.Core.Graphs;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Pooling;

/// <summary>MaxPool, AveragePool and LpPool: a window of kernel_shape slides over the spatial axes of (N, C, D...).</summary>
public sealed class PoolFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        // MaxPool gained the optional Indices output (and storage_order) at opset 8; ceil_mode and dilations at 10.
        WindowAttributes(registry.Add("MaxPool", 1).Until(7).Outputs(1));
        WindowAttributes(registry.Add("MaxPool", 8).Outputs(1, 2)).Attr("storage_order", AttributeKind.Int, 0L);
        WindowAttributes(registry.Add("AveragePool", 1)).Attr("count_include_pad", AttributeKind.Int, 0L);
        // LpPool-1 took p as a float; from opset 2 it is an int.
        WindowAttributes(registry.Add("LpPool", 1).Until(1)).Attr("p", AttributeKind.Float, 2f);
        WindowAttributes(registry.Add("LpPool", 2)).Attr("p", AttributeKind.Int, 2L);
    }

    private static OpSchema WindowAttributes(OpSchema schema) => schema
        .Inputs(1)
        .Attr("auto_pad", AttributeKind.String, "NOTSET")
        .Attr("ceil_mode", AttributeKind.Int, 0L)
        .Attr("dilations", AttributeKind.Ints)
        .RequiredAttr("kernel_shape", AttributeKind.Ints)
        .Attr("pads", AttributeKind.Ints)
        .Attr("strides", AttributeKind.Ints)
        .Infer(Infer);

    private static void Infer(InferenceContext ctx)
    {
        var shape = PooledShape(ctx);
        ctx.SetOutput(0, ctx.InputElementType(0), shape);
        if (ctx.HasOutput(1))
        {
            ctx.SetOutput(1, DataType.Int64, shape);
        }
    }

    private static Shape? PooledShape(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x is null)
        {
            return null;
        }
        var kernel = ctx.GetInts("kernel_shape")!;
        if (x.Rank != kernel.Length + 2)
        {
            throw ctx.Fail($"a {kernel.Length}-D kernel needs an input of rank {kernel.Length + 2}, got {x.Rank}.");
        }
        var window = SlidingWindow.FromNode(ctx.Node, kernel);
        return new Shape(x.Take(2).Concat(window.OutputDims(x.Skip(2))));
    }
}
