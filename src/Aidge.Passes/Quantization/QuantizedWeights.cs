using Aidge.Core.Tensors;

namespace Aidge.Passes.Quantization;

/// <summary>
/// Weights quantized symmetric per output channel: w_scale[c] = max|W[c]|/127 and q = round(W/w_scale[c]) in
/// [−127, 127] (−128 unused, so negating a weight never overflows); the bias in int32 at x_scale·w_scale[c].
/// </summary>
public sealed record QuantizedWeights(Tensor Weights, double[] Scales, Tensor? Bias)
{
    /// <param name="weights">Float32 weights, output channel first (Conv's [M, C/g, k…], QGemm's [N, K]).</param>
    /// <param name="bias">One float per output channel, or null.</param>
    /// <param name="inputScale">The scale of the layer's quantized input.</param>
    public static QuantizedWeights From(Tensor weights, float[]? bias, float inputScale)
    {
        int channels = (int)weights.Dims[0];
        var values = weights.Span<float>();
        int perChannel = channels == 0 ? 0 : values.Length / channels;
        var quantized = Tensor.Create(DataType.Int8, weights.Dims);
        var target = quantized.Span<sbyte>();
        var scales = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            var row = values.Slice(c * perChannel, perChannel);
            float largest = 0f;
            foreach (float v in row)
            {
                largest = Math.Max(largest, Math.Abs(v));
            }
            // An all-zero channel quantizes to zeros at any scale; 1 keeps its multiplier ordinary.
            float scale = largest > 0 ? largest / 127f : 1f;
            scales[c] = scale;
            for (int i = 0; i < row.Length; i++)
            {
                target[c * perChannel + i] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale, MidpointRounding.ToEven), -127f, 127f);
            }
        }
        Tensor? quantizedBias = null;
        if (bias is not null)
        {
            var integers = new int[channels];
            for (int c = 0; c < channels; c++)
            {
                double steps = Math.Round(bias[c] / ((double)inputScale * scales[c]), MidpointRounding.ToEven);
                integers[c] = (int)Math.Clamp(steps, int.MinValue, int.MaxValue);
            }
            quantizedBias = Tensor.FromArray(integers, channels);
        }
        return new QuantizedWeights(quantized, scales, quantizedBias);
    }
}
