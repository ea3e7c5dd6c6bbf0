using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>InstanceNormalization: y = scale·(x − mean)/√(var + ε) + B with the mean and population variance of each (n, c) plane.</summary>
[Kernel("InstanceNormalization", SinceVersion = 1)]
public sealed class InstanceNormalizationKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context) => context.SetOutput(0, Run<T>(context, context.Input(0)));

    private static Tensor Run<T>(KernelContext context, Tensor x)
        where T : unmanaged, IFloatingPoint<T>
    {
        if (x.Rank < 3)
        {
            throw new ArgumentException($"InstanceNormalization needs an input of rank 3 or more, got {x}.");
        }
        int n = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        int size = n * channels == 0 ? 0 : x.Length / (n * channels);
        var scale = ChannelStatistics.PerChannel(context.Input(1), channels, "scale");
        var bias = ChannelStatistics.PerChannel(context.Input(2), channels, "B");
        double epsilon = context.GetFloat("epsilon");
        var input = x.Span<T>();
        var y = Tensor.Create(x.Type, x.Dims);
        var output = y.Span<T>();
        for (int plane = 0; plane < n * channels; plane++)
        {
            int c = plane % channels;
            var (mean, variance) = ChannelStatistics.Moments(input, plane * size, 1, size, size);
            double a = scale[c] / Math.Sqrt(variance + epsilon);
            ChannelStatistics.Affine(input.Slice(plane * size, size), a, bias[c] - mean * a, output.Slice(plane * size, size));
        }
        return y;
    }
}
