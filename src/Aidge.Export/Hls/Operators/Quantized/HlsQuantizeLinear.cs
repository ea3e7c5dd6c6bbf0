using Aidge.Core.Tensors;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators.Quantized;

/// <summary>
/// QuantizeLinear and DequantizeLinear between float32 and uint8 / int8, per tensor or per axis (the shared
/// <see cref="QuantizationAxis"/>), through aidge_hls_quant.h: y = clamp(round_half_even(x / scale) + zero_point),
/// the quotient in float32, and x = (y − zero_point)·scale in float32, as the simulator computes them. One pipelined
/// element per iteration; the scales and zero points are arrays of the layer (ROMs when constant).
/// </summary>
[HlsEmitter("QuantizeLinear", SinceVersion = 10)]
[HlsEmitter("DequantizeLinear", SinceVersion = 10)]
public sealed class HlsQuantizeLinear : INodeEmitter
{
    private static readonly DataType[] Integers = [DataType.UInt8, DataType.Int8];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        bool quantize = node.Node.OpType == "QuantizeLinear";
        var x = node.Input(0);
        var scale = node.Input(1);
        var zeroPoint = node.OptionalInput(2);
        var y = node.Output(0);
        var integer = quantize ? y : x;
        node.RequireType(quantize ? x : y, DataType.Float);
        node.RequireType(integer, Integers);
        node.RequireType(scale, DataType.Float);
        if (zeroPoint is not null && zeroPoint.Type != integer.Type)
        {
            throw node.Unsupported($"the zero point is {zeroPoint.Type.OnnxName()} but the quantized tensor is {integer.Type.OnnxName()}");
        }
        if (quantize && node.GetInt("precision") == (long)DataType.Double)
        {
            throw node.Unsupported("the quotient in double (precision attribute) is not supported; the HLS layer divides in float32");
        }
        var axis = QuantizationAxis.Of(node, x, scale);
        var (lo, hi) = integer.Type == DataType.UInt8 ? (0, 255) : (-128, 127);
        string zero = zeroPoint is null ? "0" : "zero_point[c]";
        string at = $"(o * {axis.Channels} + c) * {axis.Inner} + i";
        var body = new HlsBody()
            .For("o", axis.Outer, HlsLoopRole.Outer)
            .For("c", axis.Channels, HlsLoopRole.Outer)
            .For("i", axis.Inner, HlsLoopRole.PerOutput)
            .Line(quantize
                ? $"y[{at}] = ({HlsTypes.Of(y.Type)})aidge_hls_quantize(x[{at}], scale[c], {zero}, {lo}, {hi});"
                : $"y[{at}] = aidge_hls_dequantize(x[{at}], {zero}, scale[c]);")
            .End().End().End();
        var parameters = new List<HlsParameter> { HlsLayer.In("x", x), HlsLayer.In("scale", scale) };
        if (zeroPoint is not null)
        {
            parameters.Add(HlsLayer.In("zero_point", zeroPoint));
        }
        parameters.Add(HlsLayer.Out("y", y));
        yield return HlsLayer.Of(node.Node.OpType, body, [HlsRequantization.Header], [.. parameters]);
    }
}
