using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Sampling;

/// <summary>
/// GridSample: samples X (N, C, D1..Dr) at the normalized positions of grid (N, O1..Or, r) giving (N, C, O1..Or).
/// Opset 16 is 2-D only and names its modes bilinear/nearest/bicubic; opset 20 generalizes to r spatial axes and
/// renames them linear/nearest/cubic (opset 22 only adds bfloat16).
/// </summary>
public sealed class GridSample : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("GridSample", 16).Until(19).Inputs(2).Outputs(1)
            .Attr("align_corners", AttributeKind.Int, 0L)
            .Attr("mode", AttributeKind.String, "bilinear")
            .Attr("padding_mode", AttributeKind.String, "zeros")
            .Infer(ctx => Infer(ctx, ["bilinear", "nearest", "bicubic"], requiredRank: 4));
        registry.Add("GridSample", 20).Inputs(2).Outputs(1)
            .Attr("align_corners", AttributeKind.Int, 0L)
            .Attr("mode", AttributeKind.String, "linear")
            .Attr("padding_mode", AttributeKind.String, "zeros")
            .Infer(ctx => Infer(ctx, ["linear", "nearest", "cubic"], requiredRank: null));
    }

    private static void Infer(InferenceContext ctx, string[] modes, int? requiredRank)
    {
        string mode = ctx.GetString("mode");
        if (!modes.Contains(mode))
        {
            throw ctx.Fail($"mode must be one of {string.Join(", ", modes)}, not '{mode}'.");
        }
        string padding = ctx.GetString("padding_mode");
        if (padding is not ("zeros" or "border" or "reflection"))
        {
            throw ctx.Fail($"padding_mode must be zeros, border or reflection, not '{padding}'.");
        }
        var x = ctx.InputShape(0);
        var grid = ctx.InputShape(1);
        int? rank = x?.Rank ?? grid?.Rank;
        if (rank is null)
        {
            ctx.SetOutput(0, ctx.InputElementType(0), null);
            return;
        }
        if (rank < 3 || (requiredRank is { } required && rank != required))
        {
            throw ctx.Fail($"X and grid need rank {(requiredRank?.ToString() ?? "3 or more")}, got {rank}.");
        }
        if (x is not null && grid is not null && x.Rank != grid.Rank)
        {
            throw ctx.Fail($"X has rank {x.Rank} but grid has rank {grid.Rank}; they must match.");
        }
        if (grid is not null && grid[^1].Value is { } r && r != rank - 2)
        {
            throw ctx.Fail($"the last axis of grid must hold {rank - 2} coordinates, not {r}.");
        }
        var dims = new Dim[rank.Value];
        dims[0] = x is not null && x[0].IsKnown ? x[0] : grid?[0] ?? Dim.Unknown;
        dims[1] = x?[1] ?? Dim.Unknown;
        for (int i = 2; i < rank; i++)
        {
            dims[i] = grid?[i - 1] ?? Dim.Unknown;
        }
        ctx.SetOutput(0, ctx.InputElementType(0), new Shape(dims));
    }
}
