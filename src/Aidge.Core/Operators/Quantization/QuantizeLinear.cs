using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Quantization;

/// <summary>
/// QuantizeLinear and DequantizeLinear. Later opsets only added attributes (axis at 13, saturate at 19, block_size
/// and output_dtype at 21, precision at 25) whose defaults reproduce the earlier behaviour, so one schema each covers
/// every version.
/// </summary>
public sealed class QuantizeLinearFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        Granularity(registry.Add("QuantizeLinear", 10))
            .Attr("saturate", AttributeKind.Int, 1L)
            .Attr("precision", AttributeKind.Int, 0L)
            .Infer(ctx => ctx.SetOutput(0, QuantizedType(ctx), ctx.InputShape(0)));
        Granularity(registry.Add("DequantizeLinear", 10))
            .Infer(ctx => ctx.SetOutput(0, DequantizedType(ctx), ctx.InputShape(0)));
    }

    /// <summary>y's type: output_dtype, else y_zero_point's type, else uint8.</summary>
    public static DataType QuantizedType(InferenceContext ctx)
    {
        var requested = (DataType)ctx.GetInt("output_dtype");
        if (requested != DataType.Undefined)
        {
            return requested;
        }
        return ctx.HasInput(2) ? ctx.InputElementType(2) : DataType.UInt8;
    }

    /// <summary>y's type: output_dtype, else x_scale's type.</summary>
    public static DataType DequantizedType(InferenceContext ctx)
    {
        var requested = (DataType)ctx.GetInt("output_dtype");
        return requested != DataType.Undefined ? requested : ctx.InputElementType(1);
    }

    private static OpSchema Granularity(OpSchema schema) => schema
        .Inputs(2, 3)
        .Attr("axis", AttributeKind.Int, 1L)
        .Attr("block_size", AttributeKind.Int, 0L)
        .Attr("output_dtype", AttributeKind.Int, 0L);
}
