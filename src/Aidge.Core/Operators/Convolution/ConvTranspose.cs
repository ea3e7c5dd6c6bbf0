using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Convolution;

/// <summary>ConvTranspose: X (N, C, D...) with W (C, M/group, k...) gives Y (N, M, D'...).</summary>
public sealed class ConvTransposeFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        ConvFamily.WindowAttributes(registry.Add("ConvTranspose", 1).Inputs(2, 3))
            .Attr("output_padding", AttributeKind.Ints)
            .Attr("output_shape", AttributeKind.Ints)
            .Infer(ctx => ctx.SetOutput(0, ctx.InputElementType(0), InferShape(ctx)));

    private static Shape? InferShape(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        var w = ctx.InputShape(1);
        int? rank = x?.Rank ?? w?.Rank;
        if (rank is null)
        {
            return null;
        }
        if (rank < 3)
        {
            throw ctx.Fail($"input and weights need rank 3 or more, got {rank}.");
        }
        long group = ctx.GetInt("group");
        var dims = Enumerable.Repeat(Dim.Unknown, rank.Value).ToArray();
        dims[0] = x is null ? Dim.Unknown : x[0];
        dims[1] = w is not null && w[1].IsKnown ? Dim.Of(w[1].Value!.Value * group) : Dim.Unknown;
        var kernel = ConvolutionShapes.KernelShape(ctx, w, rank.Value - 2);
        if (kernel is not null && x is not null)
        {
            var window = TransposedWindow.FromNode(ctx.Node, kernel);
            int i = 2;
            foreach (var d in window.OutputDims(x.Skip(2)))
            {
                dims[i++] = d;
            }
        }
        return new Shape(dims);
    }
}
