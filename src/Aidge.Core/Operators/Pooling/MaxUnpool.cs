using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Pooling;

/// <summary>MaxUnpool: scatters X into a zero tensor at MaxPool's flat indices I; output_shape (input 2) overrides the size.</summary>
public sealed class MaxUnpoolFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("MaxUnpool", 9).Inputs(2, 3)
            .RequiredAttr("kernel_shape", AttributeKind.Ints)
            .Attr("pads", AttributeKind.Ints)
            .Attr("strides", AttributeKind.Ints)
            .Infer(ctx => ctx.SetOutput(0, ctx.InputElementType(0), InferShape(ctx)));

    private static Shape? InferShape(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (ctx.HasInput(2))
        {
            if (ctx.ConstantInput(2) is { } outputShape)
            {
                return new Shape(outputShape.ToInt64Array());
            }
            return x is null ? null : Shape.OfRank(x.Rank);
        }
        if (x is null)
        {
            return null;
        }
        var kernel = ctx.GetInts("kernel_shape")!;
        if (x.Rank != kernel.Length + 2)
        {
            throw ctx.Fail($"a {kernel.Length}-D kernel needs an input of rank {kernel.Length + 2}, got {x.Rank}.");
        }
        var spatial = x.Skip(2).Select((d, i) => d.IsKnown ? Dim.Of(UnpooledSize(ctx.Node, kernel, i, d.Value!.Value)) : Dim.Unknown);
        return new Shape(x.Take(2).Concat(spatial));
    }

    /// <summary>The size MaxPool would have reduced to <paramref name="input"/> along spatial axis i: (in − 1)·stride + kernel − pads.</summary>
    public static long UnpooledSize(Node node, long[] kernel, int i, long input)
    {
        var strides = node.GetInts("strides");
        var pads = node.GetInts("pads");
        long stride = strides?[i] ?? 1;
        long padding = pads is null ? 0 : pads[i] + pads[i + kernel.Length];
        return (input - 1) * stride + kernel[i] - padding;
    }
}
