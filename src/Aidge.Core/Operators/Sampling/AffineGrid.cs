using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Sampling;

/// <summary>
/// AffineGrid: theta (N, 2, 3) or (N, 3, 4) and size (N, C, H, W) or (N, C, D, H, W) give the sampling grid
/// (N, H, W, 2) or (N, D, H, W, 3) that GridSample consumes.
/// </summary>
public sealed class AffineGrid : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("AffineGrid", 20).Inputs(2).Outputs(1)
            .Attr("align_corners", AttributeKind.Int, 0L)
            .Infer(Infer);
    }

    private static void Infer(InferenceContext ctx)
    {
        var theta = ctx.InputShape(0);
        long[]? size = ctx.ConstantInput(1)?.ToInt64Array();
        // The rank of size (4 or 5) or the rows of theta (2 or 3) tell how many spatial axes there are.
        long? spatialRank = size is not null ? size.Length - 2
            : ctx.InputShape(1) is { Rank: 1 } sizeShape && sizeShape[0].Value is { } length ? length - 2
            : theta is { Rank: 3 } && theta[1].Value is { } rows ? rows
            : null;
        if (spatialRank is null)
        {
            ctx.SetOutput(0, ctx.InputElementType(0), null);
            return;
        }
        if (spatialRank is not (2 or 3))
        {
            throw ctx.Fail($"only 2-D and 3-D grids exist; size must have 4 or 5 values and theta 2 or 3 rows.");
        }
        int rank = (int)spatialRank + 2;
        var dims = new Dim[rank];
        dims[0] = size is not null ? size[0] : theta is { Rank: 3 } ? theta[0] : Dim.Unknown;
        for (int i = 1; i < rank - 1; i++)
        {
            dims[i] = size is not null ? size[i + 1] : Dim.Unknown;
        }
        dims[rank - 1] = spatialRank.Value;
        ctx.SetOutput(0, ctx.InputElementType(0), new Shape(dims));
    }
}
