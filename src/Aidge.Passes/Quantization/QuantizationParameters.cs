using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;

namespace Aidge.Passes.Quantization;

/// <summary>
/// How one activation tensor is quantized: real = (q − ZeroPoint) · Scale with q of <see cref="Type"/> (uint8
/// asymmetric, or int8 with zero point 0). The range always includes 0, so that zero (padding, Relu's floor) is exact.
/// </summary>
public sealed record QuantizationParameters(float Scale, int ZeroPoint, DataType Type)
{
    /// <summary>
    /// uint8: scale = (max − min)/255 over the range widened to include 0, zero point = round(−min/scale); int8
    /// symmetric: scale = max(|min|, |max|)/127, zero point 0. A range of zero width (a constant-zero activation)
    /// gets scale 1, which quantizes it exactly.
    /// </summary>
    public static QuantizationParameters FromRange(ValueRange range, bool symmetric)
    {
        double min = Math.Min(range.Min, 0.0);
        double max = Math.Max(range.Max, 0.0);
        if (symmetric)
        {
            double magnitude = Math.Max(-min, max);
            return new QuantizationParameters(magnitude > 0 ? (float)(magnitude / 127) : 1f, 0, DataType.Int8);
        }
        if (max - min <= 0)
        {
            return new QuantizationParameters(1f, 0, DataType.UInt8);
        }
        float scale = (float)((max - min) / 255);
        int zeroPoint = (int)Math.Clamp(Math.Round(-min / scale, MidpointRounding.ToEven), 0, 255);
        return new QuantizationParameters(scale, zeroPoint, DataType.UInt8);
    }

    public int Min => Requantization.Range(Type).Min;

    public int Max => Requantization.Range(Type).Max;

    /// <summary>A float in this quantized domain, rounded and saturated as QuantizeLinear does.</summary>
    public int Quantize(float x) => Requantization.Quantize(x, Scale, ZeroPoint, Min, Max);

    /// <summary>The scale as QuantizeLinear and DequantizeLinear take it: a float32 scalar.</summary>
    public Tensor ScaleTensor() => Tensor.FromArray([Scale]);

    /// <summary>The zero point as QuantizeLinear and DequantizeLinear take it: a scalar of <see cref="Type"/>, which sets their output type.</summary>
    public Tensor ZeroPointTensor()
    {
        var tensor = Tensor.Create(Type);
        tensor.Span<byte>()[0] = (byte)ZeroPoint;
        return tensor;
    }

    /// <summary>Reads per-tensor parameters from a scale and a zero-point tensor (QuantizeLinear/DequantizeLinear inputs); null otherwise.</summary>
    public static QuantizationParameters? FromTensors(Tensor? scale, Tensor? zeroPoint)
    {
        if (scale is not { Type: DataType.Float, Length: 1 } || zeroPoint is not { Type: DataType.UInt8 or DataType.Int8, Length: 1 })
        {
            return null;
        }
        int point = zeroPoint.Type == DataType.UInt8 ? zeroPoint.Span<byte>()[0] : zeroPoint.Span<sbyte>()[0];
        return new QuantizationParameters(scale.Span<float>()[0], point, zeroPoint.Type);
    }
}
