using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Sampling;

/// <summary>
/// RoiAlign: X (N, C, H, W), rois (R, 4) and batch_indices (R) give (R, C, output_height, output_width).
/// Opset 16 adds coordinate_transformation_mode (default half_pixel; opset 10 behaves as output_half_pixel).
/// </summary>
public sealed class RoiAlign : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        PoolingAttributes(registry.Add("RoiAlign", 10).Until(15)).Infer(Infer);
        PoolingAttributes(registry.Add("RoiAlign", 16))
            .Attr("coordinate_transformation_mode", AttributeKind.String, "half_pixel")
            .Infer(ctx =>
            {
                string transformation = ctx.GetString("coordinate_transformation_mode");
                if (transformation is not ("half_pixel" or "output_half_pixel"))
                {
                    throw ctx.Fail($"coordinate_transformation_mode must be half_pixel or output_half_pixel, not '{transformation}'.");
                }
                Infer(ctx);
            });
    }

    private static OpSchema PoolingAttributes(OpSchema schema) => schema.Inputs(3).Outputs(1)
        .Attr("mode", AttributeKind.String, "avg")
        .Attr("output_height", AttributeKind.Int, 1L)
        .Attr("output_width", AttributeKind.Int, 1L)
        .Attr("sampling_ratio", AttributeKind.Int, 0L)
        .Attr("spatial_scale", AttributeKind.Float, 1f);

    private static void Infer(InferenceContext ctx)
    {
        string mode = ctx.GetString("mode");
        if (mode is not ("avg" or "max"))
        {
            throw ctx.Fail($"mode must be avg or max, not '{mode}'.");
        }
        var x = ctx.InputShape(0);
        if (x is not null && x.Rank != 4)
        {
            throw ctx.Fail($"X must be 4-D (N, C, H, W), got rank {x.Rank}.");
        }
        var rois = ctx.InputShape(1);
        var roiCount = rois is { Rank: 2 } && rois[0].IsKnown ? rois[0]
            : ctx.InputShape(2) is { Rank: 1 } indices ? indices[0]
            : Dim.Unknown;
        var channels = x?[1] ?? Dim.Unknown;
        ctx.SetOutput(0, ctx.InputElementType(0), new Shape([roiCount, channels, ctx.GetInt("output_height"), ctx.GetInt("output_width")]));
    }
}
