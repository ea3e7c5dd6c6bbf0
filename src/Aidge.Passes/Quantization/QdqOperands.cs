using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Quantization;

/// <summary>
/// Reading the constant operands of already-quantized ONNX patterns (QLinearConv, QLinearMatMul, QuantizeLinear /
/// DequantizeLinear around float layers) in the forms QConv and QGemm can take: per-tensor activation parameters,
/// symmetric int8 weights (zero point 0) with one scale per tensor or per output channel, int32 bias.
/// </summary>
internal static class QdqOperands
{
    /// <summary>Per-tensor parameters from a constant scalar scale and optional zero point (absent: uint8, 0).</summary>
    public static QuantizationParameters? Activation(Value? scale, Value? zeroPoint, PassContext context)
    {
        if (scale is null)
        {
            return null;
        }
        return zeroPoint is null
            ? context.ConstantOf(scale) is { Type: DataType.Float, Length: 1 } s ? new QuantizationParameters(s.Span<float>()[0], 0, DataType.UInt8) : null
            : QuantizationParameters.FromTensors(context.ConstantOf(scale), context.ConstantOf(zeroPoint));
    }

    /// <summary>Constant int8 weights whose zero point is absent or all zeros; null otherwise.</summary>
    public static Tensor? SymmetricWeights(Value? weights, Value? zeroPoint, PassContext context)
    {
        if (weights is null || context.ConstantOf(weights) is not { Type: DataType.Int8 } tensor)
        {
            return null;
        }
        if (zeroPoint is not null && (context.ConstantOf(zeroPoint) is not { Type: DataType.Int8 } points || points.Span<sbyte>().ToArray().Any(p => p != 0)))
        {
            return null;
        }
        return tensor;
    }

    /// <summary>One float32 scale per output channel: a per-tensor scale repeated, or a vector of <paramref name="channels"/>.</summary>
    public static float[]? ChannelScales(Value? scale, long channels, PassContext context)
    {
        if (scale is null || context.ConstantOf(scale) is not { Type: DataType.Float } tensor || (tensor.Length != 1 && tensor.Length != channels))
        {
            return null;
        }
        var values = tensor.Span<float>().ToArray();
        return values.Length == channels ? values : Enumerable.Repeat(values[0], (int)channels).ToArray();
    }

    /// <summary>A [K, N] int8 matrix as QGemm's [N, K].</summary>
    public static Tensor Transposed(Tensor matrix)
    {
        int k = (int)matrix.Dims[0];
        int n = (int)matrix.Dims[1];
        var source = matrix.Span<sbyte>();
        var result = Tensor.Create(DataType.Int8, n, k);
        var target = result.Span<sbyte>();
        for (int row = 0; row < n; row++)
        {
            for (int column = 0; column < k; column++)
            {
                target[row * k + column] = source[column * n + row];
            }
        }
        return result;
    }

    /// <summary>A float bias in int32 at scale x_scale·w_scale[c].</summary>
    public static Tensor Bias(float[] bias, float inputScale, float[] weightScales) =>
        Tensor.FromArray(bias.Select((b, c) => (int)Math.Clamp(Math.Round(b / ((double)inputScale * weightScales[c]), MidpointRounding.ToEven), int.MinValue, int.MaxValue)).ToArray(), bias.Length);

    /// <summary>The full output range of the parameters' type, narrowed to start at the zero point under a Relu.</summary>
    public static (int Min, int Max) Clamp(QuantizationParameters output, bool relu) =>
        (relu ? Math.Max(output.Min, output.ZeroPoint) : output.Min, output.Max);
}
