using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Convolution;

/// <summary>Output shape inference shared by Conv, ConvInteger and QLinearConv.</summary>
internal static class ConvolutionShapes
{
    /// <summary>Y = (N, M, spatial...) from X = (N, C, D...) and W = (M, C/group, k...).</summary>
    public static Shape? Infer(InferenceContext ctx, int dataInput, int weightInput)
    {
        var x = ctx.InputShape(dataInput);
        var w = ctx.InputShape(weightInput);
        int? rank = x?.Rank ?? w?.Rank;
        if (rank is null)
        {
            return null;
        }
        if (rank < 3)
        {
            throw ctx.Fail($"input and weights need rank 3 or more, got {rank}.");
        }
        var kernel = KernelShape(ctx, w, rank.Value - 2);
        var dims = new Dim[rank.Value];
        dims[0] = x is null ? Dim.Unknown : x[0];
        dims[1] = w is null ? Dim.Unknown : w[0];
        for (int i = 2; i < rank; i++)
        {
            dims[i] = Dim.Unknown;
        }
        if (kernel is not null && x is not null)
        {
            var window = SlidingWindow.FromNode(ctx.Node, kernel);
            int i = 2;
            foreach (var d in window.OutputDims(x.Skip(2)))
            {
                dims[i++] = d;
            }
        }
        return new Shape(dims);
    }

    /// <summary>The kernel_shape attribute, else the known spatial dims of W, else null.</summary>
    public static long[]? KernelShape(InferenceContext ctx, Shape? weights, int spatialRank)
    {
        if (ctx.GetInts("kernel_shape") is { } attribute)
        {
            return attribute.Length == spatialRank ? attribute : throw ctx.Fail($"kernel_shape has {attribute.Length} values for {spatialRank} spatial axes.");
        }
        if (weights is null || !weights.Skip(2).All(d => d.IsKnown))
        {
            return null;
        }
        return weights.Skip(2).Select(d => d.Value!.Value).ToArray();
    }
}
