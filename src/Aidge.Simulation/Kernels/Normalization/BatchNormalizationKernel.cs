using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>
/// BatchNormalization. Inference normalizes with the given running statistics; training mode (opset 14+
/// training_mode = 1) normalizes with the batch's own mean and population variance and also returns the updated
/// running statistics: running = input·momentum + batch·(1 − momentum).
/// </summary>
[Kernel("BatchNormalization", SinceVersion = 1)]
public sealed class BatchNormalizationKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank < 2)
        {
            throw new ArgumentException($"BatchNormalization needs an input of rank 2 or more, got {x}.");
        }
        int n = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        int size = n * channels == 0 ? 0 : x.Length / (n * channels);
        var scale = ChannelStatistics.PerChannel(context.Input(1), channels, "scale");
        var bias = ChannelStatistics.PerChannel(context.Input(2), channels, "B");
        var mean = ChannelStatistics.PerChannel(context.Input(3), channels, "input_mean");
        var variance = ChannelStatistics.PerChannel(context.Input(4), channels, "input_var");
        double epsilon = context.GetFloat("epsilon");
        bool training = context.OpsetVersion >= 14 && context.GetInt("training_mode", 0) != 0;
        if (!training && context.OpsetVersion < 14 && context.OutputCount > 1)
        {
            throw new NotSupportedException("BatchNormalization before opset 14 is simulated in inference mode only; its training outputs are not.");
        }
        var input = x.Span<T>();
        if (training)
        {
            double momentum = context.GetFloat("momentum");
            var running = (Mean: new double[channels], Variance: new double[channels]);
            for (int c = 0; c < channels; c++)
            {
                var (batchMean, batchVariance) = ChannelStatistics.Moments(input, c * size, n, channels * size, size);
                running.Mean[c] = mean[c] * momentum + batchMean * (1 - momentum);
                running.Variance[c] = variance[c] * momentum + batchVariance * (1 - momentum);
                (mean[c], variance[c]) = (batchMean, batchVariance);
            }
            SetStatistic(context, 1, running.Mean);
            SetStatistic(context, 2, running.Variance);
        }
        var y = Tensor.Create(x.Type, x.Dims);
        var output = y.Span<T>();
        for (int c = 0; c < channels; c++)
        {
            double a = scale[c] / Math.Sqrt(variance[c] + epsilon);
            double b = bias[c] - mean[c] * a;
            for (int image = 0; image < n; image++)
            {
                int offset = (image * channels + c) * size;
                ChannelStatistics.Affine(input.Slice(offset, size), a, b, output.Slice(offset, size));
            }
        }
        context.SetOutput(0, y);
    }

    /// <summary>A running statistic in the element type inference gave its output (that of input_mean / input_var).</summary>
    private static void SetStatistic(KernelContext context, int index, double[] values)
    {
        if (!context.HasOutput(index))
        {
            return;
        }
        var type = context.OutputType(index);
        var tensor = type == DataType.Double
            ? Tensor.FromSpan<double>(type, [values.Length], values)
            : Tensor.FromSpan<float>(DataType.Float, [values.Length], values.Select(v => (float)v).ToArray());
        context.SetOutput(index, tensor);
    }
}
