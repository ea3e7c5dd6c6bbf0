using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Image;

/// <summary>
/// Resize (opsets 10, 11, 13, 18+) and Upsample (7, 9). The output size is known when the scales or sizes
/// are constants; otherwise only the axes that are not resized keep a known size.
/// </summary>
public sealed class Resize : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Upsample", 7).Until(8).Inputs(1).Outputs(1)
            .Attr("mode", AttributeKind.String, "nearest")
            .RequiredAttr("scales", AttributeKind.Floats)
            .Infer(ctx => Infer(ctx, ctx.Node.GetFloats("scales"), null, scalesKnown: true));
        registry.Add("Upsample", 9).Until(9).Inputs(2).Outputs(1)
            .Attr("mode", AttributeKind.String, "nearest")
            .Infer(ctx => InferFromInputs(ctx, scalesInput: 1, sizesInput: -1));
        registry.Add("Resize", 10).Until(10).Inputs(2).Outputs(1)
            .Attr("mode", AttributeKind.String, "nearest")
            .Infer(ctx => InferFromInputs(ctx, scalesInput: 1, sizesInput: -1));
        Common(registry.Add("Resize", 11).Until(12).Inputs(3, 4));
        Common(registry.Add("Resize", 13).Until(17).Inputs(1, 4));
        Common(registry.Add("Resize", 18).Inputs(1, 4))
            .Attr("antialias", AttributeKind.Int, 0L)
            .Attr("axes", AttributeKind.Ints)
            .Attr("keep_aspect_ratio_policy", AttributeKind.String, "stretch");
    }

    private static OpSchema Common(OpSchema schema) => schema.Outputs(1)
        .Attr("coordinate_transformation_mode", AttributeKind.String, "half_pixel")
        .Attr("cubic_coeff_a", AttributeKind.Float, -0.75f)
        .Attr("exclude_outside", AttributeKind.Int, 0L)
        .Attr("extrapolation_value", AttributeKind.Float, 0f)
        .Attr("mode", AttributeKind.String, "nearest")
        .Attr("nearest_mode", AttributeKind.String, "round_prefer_floor")
        .Infer(ctx => InferFromInputs(ctx, scalesInput: 2, sizesInput: 3));

    /// <summary>Reads scales / sizes from constant inputs; an omitted or empty input means the other one is used.</summary>
    private static void InferFromInputs(InferenceContext ctx, int scalesInput, int sizesInput)
    {
        var scales = ctx.ConstantInput(scalesInput);
        var sizes = sizesInput >= 0 ? ctx.ConstantInput(sizesInput) : null;
        bool scalesGiven = ctx.HasInput(scalesInput) && (scales is null || scales.Length > 0);
        bool sizesGiven = sizesInput >= 0 && ctx.HasInput(sizesInput) && (sizes is null || sizes.Length > 0);
        bool known = scalesGiven ? scales is not null : sizesGiven && sizes is not null;
        Infer(ctx, scalesGiven ? ToFloats(scales) : null, sizesGiven ? sizes?.ToInt64Array() : null, known);
    }

    private static void Infer(InferenceContext ctx, float[]? scales, long[]? sizes, bool scalesKnown)
    {
        var element = ctx.InputElementType(0);
        var input = ctx.InputShape(0);
        if (input is null)
        {
            ctx.SetOutput(0, element, null);
            return;
        }
        var axes = ResizeAxes(ctx.Node, input.Rank);
        if (!scalesKnown || !input.IsStatic)
        {
            ctx.SetOutput(0, element, new Shape(input.Select((d, i) => axes.Contains(i) ? Dim.Unknown : d)));
            return;
        }
        string policy = ctx.Schema.Attributes.ContainsKey("keep_aspect_ratio_policy") ? ctx.GetString("keep_aspect_ratio_policy") : "stretch";
        ctx.SetOutput(0, element, new Shape(ResizeGeometry.Compute(input.ToArray(), axes, scales, sizes, policy).OutputDims));
    }

    /// <summary>The axes attribute (opset 18+) normalized, or every axis.</summary>
    public static int[] ResizeAxes(Node node, int rank) =>
        node.GetInts("axes")?.Select(a => ShapeMath.NormalizeAxis(a, rank)).ToArray() ?? Enumerable.Range(0, rank).ToArray();

    /// <summary>A scales tensor's values (float in every opset; converted defensively), or null.</summary>
    public static float[]? ToFloats(Tensor? scales)
    {
        if (scales is null)
        {
            return null;
        }
        var values = new float[scales.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)scales.GetDouble(i);
        }
        return values;
    }
}
