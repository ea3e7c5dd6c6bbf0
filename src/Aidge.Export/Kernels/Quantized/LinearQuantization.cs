using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// A QuantizeLinear or DequantizeLinear node checked for every kernel-based target: its tensors, which scale and zero
/// point each element uses (<see cref="QuantizationAxis"/>), and for QuantizeLinear whether the division runs in double
/// (the precision attribute). Float8 and 4-bit types and blocked scales are not supported.
/// </summary>
public sealed record LinearQuantization(TensorRef X, TensorRef Scale, TensorRef? ZeroPoint, TensorRef Y, QuantizationAxis Axis, bool InDouble)
{
    private static readonly DataType[] Quantized = [DataType.UInt8, DataType.Int8, DataType.UInt16, DataType.Int16];

    private static readonly DataType[] Dequantized = [.. Quantized, DataType.Int32];

    /// <summary>QuantizeLinear from float or double into 8- and 16-bit integers; the zero point has the output's type.</summary>
    public static LinearQuantization Quantize(NodeContext node)
    {
        var (x, scale, zeroPoint, y) = Tensors(node);
        node.RequireType(x, ElementTypeSets.Float);
        node.RequireType(y, Quantized);
        if (zeroPoint is not null && zeroPoint.Type != y.Type)
        {
            throw node.Unsupported($"y_zero_point is {zeroPoint.Type.OnnxName()} but y is {y.Type.OnnxName()}");
        }
        return new LinearQuantization(x, scale, zeroPoint, y, QuantizationAxis.Of(node, x, scale), node.GetInt("precision") == (long)DataType.Double);
    }

    /// <summary>DequantizeLinear from 8-, 16- and 32-bit integers into float32; the zero point has the input's type.</summary>
    public static LinearQuantization Dequantize(NodeContext node)
    {
        var (x, scale, zeroPoint, y) = Tensors(node);
        node.RequireType(x, Dequantized);
        node.RequireType(y, DataType.Float);
        if (zeroPoint is not null && zeroPoint.Type != x.Type)
        {
            throw node.Unsupported($"x_zero_point is {zeroPoint.Type.OnnxName()} but x is {x.Type.OnnxName()}");
        }
        return new LinearQuantization(x, scale, zeroPoint, y, QuantizationAxis.Of(node, x, scale), false);
    }

    /// <summary>The saturation range of the quantized type.</summary>
    public static (long Min, long Max) Range(DataType type) => type switch
    {
        DataType.UInt8 => (byte.MinValue, byte.MaxValue),
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DataType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        _ => (short.MinValue, short.MaxValue),
    };

    private static (TensorRef X, TensorRef Scale, TensorRef? ZeroPoint, TensorRef Y) Tensors(NodeContext node)
    {
        var scale = node.Input(1);
        node.RequireType(scale, ElementTypeSets.Float);
        return (node.Input(0), scale, node.OptionalInput(2), node.Output(0));
    }
}
