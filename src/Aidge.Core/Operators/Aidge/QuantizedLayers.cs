using Aidge.Core.Graphs;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Operators.Linear;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Aidge;

/// <summary>
/// QConv and QGemm: integer convolution and fully connected layers with the requantization of
/// <see cref="Requantization"/>. X is uint8 or int8, W int8 (symmetric, per output channel), the optional bias
/// int32 at scale x_scale·w_scale[c]; the output has X's element type. Padding contributes nothing to the sum, as
/// if X were padded with x_zero_point (the real zero). QConv has Conv's geometry and output shape; QGemm's B is
/// always [N, K] (transposed), so its output is [M, N] like Gemm with transB = 1.
/// </summary>
public sealed class QuantizedLayersFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        RequantizationAttributes(ConvFamily.WindowAttributes(registry.Add("QConv", AidgeDomain.Version, AidgeDomain.Name).Inputs(2, 3)))
            .Infer(ctx => Infer(ctx, ConvolutionShapes.Infer(ctx, 0, 1)));
        RequantizationAttributes(registry.Add("QGemm", AidgeDomain.Version, AidgeDomain.Name).Inputs(2, 3))
            .Infer(ctx => Infer(ctx, GemmFamily.OutputShape(ctx, transA: false, transB: true)));
    }

    private static OpSchema RequantizationAttributes(OpSchema schema) => schema
        .Attr("x_zero_point", AttributeKind.Int, 0L)
        .Attr("y_zero_point", AttributeKind.Int, 0L)
        .RequiredAttr("multiplier", AttributeKind.Ints)
        .RequiredAttr("shift", AttributeKind.Ints)
        .RequiredAttr("y_min", AttributeKind.Int)
        .RequiredAttr("y_max", AttributeKind.Int);

    private static void Infer(InferenceContext ctx, Shape? output)
    {
        var x = ctx.InputElementType(0);
        if (x != DataType.Undefined)
        {
            CheckActivationAttributes(ctx, x);
        }
        ExpectType(ctx, 1, "W", DataType.Int8);
        ExpectType(ctx, 2, "B", DataType.Int32);
        long? channels = ctx.InputShape(1) is { Rank: > 0 } w ? w[0].Value : null;
        if (ctx.InputShape(2) is { } b && (b.Rank != 1 || (channels is { } m && b[0].Value is { } n && n != m)))
        {
            throw ctx.Fail($"B must be 1-D with one int32 per output channel ({channels}), got {b}.");
        }
        CheckRequantizationAttributes(ctx, channels);
        ctx.SetOutput(0, x, output);
    }

    private static void ExpectType(InferenceContext ctx, int index, string name, DataType expected)
    {
        var type = ctx.InputElementType(index);
        if (ctx.HasInput(index) && type != DataType.Undefined && type != expected)
        {
            throw ctx.Fail($"{name} must be {expected.OnnxName()}, got {type.OnnxName()}.");
        }
    }

    private static void CheckActivationAttributes(InferenceContext ctx, DataType x)
    {
        if (x is not (DataType.UInt8 or DataType.Int8))
        {
            throw ctx.Fail($"X must be uint8 or int8, got {x.OnnxName()}.");
        }
        var (min, max) = Requantization.Range(x);
        foreach (var name in new[] { "x_zero_point", "y_zero_point", "y_min", "y_max" })
        {
            long value = ctx.GetInt(name);
            if (value < min || value > max)
            {
                throw ctx.Fail($"{name} = {value} is outside {x.OnnxName()}'s range [{min}, {max}].");
            }
        }
        if (ctx.GetInt("y_min") > ctx.GetInt("y_max"))
        {
            throw ctx.Fail($"y_min = {ctx.GetInt("y_min")} is above y_max = {ctx.GetInt("y_max")}.");
        }
    }

    private static void CheckRequantizationAttributes(InferenceContext ctx, long? channels)
    {
        var multipliers = ctx.GetInts("multiplier")!;
        var shifts = ctx.GetInts("shift")!;
        if (multipliers.Length != shifts.Length || (multipliers.Length != 1 && channels is { } m && multipliers.Length != m))
        {
            throw ctx.Fail($"multiplier and shift need one value each, or one per output channel ({channels}); got {multipliers.Length} and {shifts.Length}.");
        }
        if (multipliers.Any(v => v < Requantization.MinMultiplier || v >= Requantization.MultiplierLimit))
        {
            throw ctx.Fail("every multiplier must lie in [2^30, 2^31).");
        }
        if (shifts.Any(s => 31 + s < Requantization.MinTotalShift || 31 + s > Requantization.MaxTotalShift))
        {
            throw ctx.Fail($"every shift must make 31 + shift lie in [{Requantization.MinTotalShift}, {Requantization.MaxTotalShift}].");
        }
    }
}
