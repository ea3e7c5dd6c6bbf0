using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Core.Tensors;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>
/// Per-channel helpers of the statistics normalizations over (N, C, D...) tensors: reading per-channel parameters
/// of any floating type, population mean and variance, and the affine y = x·a + b applied to each plane.
/// </summary>
internal static class ChannelStatistics
{
    /// <summary>A per-channel parameter tensor as doubles, checked to hold one value per channel.</summary>
    public static double[] PerChannel(Tensor parameter, int channels, string name)
    {
        if (parameter.Length != channels)
        {
            throw new ArgumentException($"{name} has {parameter.Length} values for {channels} channels.");
        }
        var result = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            result[c] = parameter.GetDouble(c);
        }
        return result;
    }

    /// <summary>Mean and population variance of the given planes (each of length <paramref name="size"/>, plane p at p·stride + first).</summary>
    public static (double Mean, double Variance) Moments<T>(ReadOnlySpan<T> data, int first, int planes, int stride, int size)
        where T : unmanaged, IFloatingPoint<T>
    {
        double sum = 0;
        for (int p = 0; p < planes; p++)
        {
            foreach (var value in data.Slice(first + p * stride, size))
            {
                sum += double.CreateTruncating(value);
            }
        }
        long count = (long)planes * size;
        double mean = sum / count;
        double squares = 0;
        for (int p = 0; p < planes; p++)
        {
            foreach (var value in data.Slice(first + p * stride, size))
            {
                double centered = double.CreateTruncating(value) - mean;
                squares += centered * centered;
            }
        }
        return (mean, squares / count);
    }

    /// <summary>destination = source·scale + shift (vectorized).</summary>
    public static void Affine<T>(ReadOnlySpan<T> source, double scale, double shift, Span<T> destination)
        where T : unmanaged, IFloatingPoint<T>
    {
        TensorPrimitives.Multiply(source, T.CreateTruncating(scale), destination);
        TensorPrimitives.Add(destination, T.CreateTruncating(shift), destination);
    }
}
