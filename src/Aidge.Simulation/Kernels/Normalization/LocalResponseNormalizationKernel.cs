using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>
/// LRN: y = x / (bias + alpha/size · Σ x²)^beta, the sum over channels [c − ⌊(size−1)/2⌋, c + ⌈(size−1)/2⌉]
/// clipped to the tensor.
/// </summary>
[Kernel("LRN", SinceVersion = 1)]
public sealed class LocalResponseNormalizationKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context) => context.SetOutput(0, Run<T>(context, context.Input(0)));

    private static Tensor Run<T>(KernelContext context, Tensor x)
        where T : unmanaged, IFloatingPoint<T>
    {
        if (x.Rank < 2)
        {
            throw new ArgumentException($"LRN needs an input of rank 2 or more, got {x}.");
        }
        int size = (int)context.GetInt("size");
        if (size <= 0)
        {
            throw new ArgumentException($"LRN size must be positive, got {size}.");
        }
        double alpha = context.GetFloat("alpha");
        double beta = context.GetFloat("beta");
        double bias = context.GetFloat("bias");
        int n = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        int plane = n * channels == 0 ? 0 : x.Length / (n * channels);
        int below = (size - 1) / 2;
        int above = size - 1 - below;
        var input = x.Span<T>();
        var y = Tensor.Create(x.Type, x.Dims);
        var output = y.Span<T>();
        for (int image = 0; image < n; image++)
        {
            for (int c = 0; c < channels; c++)
            {
                int from = Math.Max(0, c - below);
                int to = Math.Min(channels - 1, c + above);
                int offset = (image * channels + c) * plane;
                for (int i = 0; i < plane; i++)
                {
                    double squares = 0;
                    for (int neighbour = from; neighbour <= to; neighbour++)
                    {
                        double value = double.CreateTruncating(input[(image * channels + neighbour) * plane + i]);
                        squares += value * value;
                    }
                    double scale = Math.Pow(bias + alpha / size * squares, beta);
                    output[offset + i] = T.CreateTruncating(double.CreateTruncating(input[offset + i]) / scale);
                }
            }
        }
        return y;
    }
}
