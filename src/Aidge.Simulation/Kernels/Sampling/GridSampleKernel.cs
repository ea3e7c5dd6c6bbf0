using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sampling;

/// <summary>
/// GridSample over any number of spatial axes: the taps of every output position are worked out once per axis,
/// combined into (input offset, weight) pairs, then applied to every channel.
/// </summary>
[Kernel("GridSample", SinceVersion = 16)]
public sealed class GridSampleKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var gridTensor = context.Input(1);
        int rank = x.Rank - 2;
        if (rank < 1 || gridTensor.Rank != x.Rank || gridTensor.Dims[^1] != rank || gridTensor.Dims[0] != x.Dims[0])
        {
            throw new ArgumentException($"GridSample needs X (N, C, D1..Dr) and grid (N, O1..Or, r); got X {Format(x.Dims)} and grid {Format(gridTensor.Dims)}.");
        }
        var mode = ParseMode(context.GetString("mode"));
        var padding = ParsePadding(context.GetString("padding_mode"));
        bool alignCorners = context.GetInt("align_corners") != 0;

        int batch = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        var axes = new GridAxis<T>[rank];
        var inputSizes = new int[rank];
        int inputPlane = 1;
        int outputPlane = 1;
        var outputDims = new long[x.Rank];
        outputDims[0] = batch;
        outputDims[1] = channels;
        for (int a = 0; a < rank; a++)
        {
            inputSizes[a] = (int)x.Dims[a + 2];
            axes[a] = new GridAxis<T>(inputSizes[a], padding, alignCorners);
            inputPlane *= inputSizes[a];
            outputDims[a + 2] = gridTensor.Dims[a + 1];
            outputPlane *= (int)gridTensor.Dims[a + 1];
        }

        ReadOnlySpan<T> input = x.Span<T>();
        ReadOnlySpan<T> grid = ValuesAs<T>(gridTensor);
        var output = new T[batch * channels * outputPlane];
        var indices = new int[rank * GridAxis<T>.MaxTaps];
        var weights = new T[rank * GridAxis<T>.MaxTaps];
        var counts = new int[rank];
        var combined = new TapSet<T>(rank, GridAxis<T>.MaxTaps);
        for (int n = 0; n < batch; n++)
        {
            for (int p = 0; p < outputPlane; p++)
            {
                var point = grid.Slice((n * outputPlane + p) * rank, rank);
                for (int a = 0; a < rank; a++)
                {
                    // The grid lists coordinates innermost axis first (x, y, z), the reverse of tensor order.
                    counts[a] = axes[a].Taps(point[rank - 1 - a], mode,
                        indices.AsSpan(a * GridAxis<T>.MaxTaps, GridAxis<T>.MaxTaps), weights.AsSpan(a * GridAxis<T>.MaxTaps, GridAxis<T>.MaxTaps));
                }
                combined.Combine(inputSizes, indices, weights, counts);
                for (int c = 0; c < channels; c++)
                {
                    int plane = n * channels + c;
                    output[plane * outputPlane + p] = combined.Apply(input.Slice(plane * inputPlane, inputPlane));
                }
            }
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), outputDims, output));
    }

    private static GridInterpolation ParseMode(string mode) => mode switch
    {
        "nearest" => GridInterpolation.Nearest,
        "linear" or "bilinear" => GridInterpolation.Linear,
        "cubic" or "bicubic" => GridInterpolation.Cubic,
        _ => throw new ArgumentException($"GridSample mode '{mode}' is not one of linear, nearest, cubic."),
    };

    private static GridPadding ParsePadding(string padding) => padding switch
    {
        "zeros" => GridPadding.Zeros,
        "border" => GridPadding.Border,
        "reflection" => GridPadding.Reflection,
        _ => throw new ArgumentException($"GridSample padding_mode '{padding}' is not one of zeros, border, reflection."),
    };

    private static string Format(long[] dims) => "[" + string.Join(",", dims) + "]";
}
