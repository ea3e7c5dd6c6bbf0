using System.Buffers;
using System.Numerics;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Linear;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// Grouped N-D convolution as one GEMM per (image, group): W[g] (M/group × C/group·k) times the im2col matrix of
/// the group's channels (C/group·k × output positions), written straight into Y. A 1×1 kernel with unit strides
/// and no padding needs no im2col: the input itself is the column matrix. Conv runs it in float or double;
/// ConvInteger and QLinearConv run it in double on zero-point-shifted values, which is exact.
/// </summary>
internal static class Convolution
{
    public static Tensor Forward<T>(DataType type, Tensor x, ReadOnlySpan<T> input, Tensor w, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias,
        SlidingWindow window, int group)
        where T : unmanaged, INumber<T>
    {
        var (n, c, m) = Channels(x, w, group, window);
        if (!bias.IsEmpty && bias.Length != m)
        {
            throw new ArgumentException($"Conv bias has {bias.Length} values for {m} output channels.");
        }
        int cg = c / group;
        int mg = m / group;
        long[] spatial = x.Dims[2..];
        var output = new long[spatial.Length];
        var padBegin = new long[spatial.Length];
        for (int i = 0; i < spatial.Length; i++)
        {
            (output[i], padBegin[i], _) = window.Resolve(i, spatial[i]);
        }
        var geometry = new PatchGeometry(spatial, output, window.Kernel, window.Strides, window.Dilations, padBegin);
        var y = Tensor.Create(type, [n, m, .. output]);
        var result = y.Span<T>();
        int k = cg * geometry.KernelSize;
        int positions = geometry.PositionCount;
        bool direct = geometry.KernelSize == 1 && geometry.ImageSize == positions && window.Strides.All(s => s == 1) && padBegin.All(p => p == 0);
        int chunk = ChunkWidth(k, mg, positions);
        T[]? columns = direct ? null : ArrayPool<T>.Shared.Rent(k * chunk);
        try
        {
            for (int image = 0; image < n; image++)
            {
                for (int g = 0; g < group; g++)
                {
                    var groupInput = input.Slice((image * c + g * cg) * geometry.ImageSize, cg * geometry.ImageSize);
                    var groupWeights = weights.Slice(g * mg * k, mg * k);
                    var groupOutput = result.Slice((image * m + g * mg) * positions, mg * positions);
                    T beta = T.Zero;
                    if (!bias.IsEmpty)
                    {
                        for (int channel = 0; channel < mg; channel++)
                        {
                            groupOutput.Slice(channel * positions, positions).Fill(bias[g * mg + channel]);
                        }
                        beta = T.One;
                    }
                    if (columns is null)
                    {
                        MatrixProduct.Multiply(mg, positions, k, groupWeights, k, false, groupInput, positions, false, groupOutput, positions, T.One, beta);
                        continue;
                    }
                    for (int first = 0; first < positions; first += chunk)
                    {
                        int width = Math.Min(chunk, positions - first);
                        var matrix = columns.AsSpan(0, k * width);
                        geometry.Im2Col(groupInput, cg, first, width, matrix);
                        MatrixProduct.Multiply(mg, width, k, groupWeights, k, false, matrix, width, false, groupOutput[first..], positions, T.One, beta);
                    }
                }
            }
        }
        finally
        {
            if (columns is not null)
            {
                ArrayPool<T>.Shared.Return(columns);
            }
        }
        return y;
    }

    /// <summary>
    /// Output positions per im2col slice: few enough that the slice (k rows) stays in the L2 cache between being
    /// written and being packed, instead of streaming a k×positions matrix through memory, yet at least twice the
    /// output channels so that re-packing the weights for every slice stays a small part of the work.
    /// </summary>
    private static int ChunkWidth(int k, int outputChannels, int positions)
    {
        const int SliceElements = 128 * 1024;
        int width = Math.Max(SliceElements / Math.Max(k, 1), 2 * outputChannels);
        return Math.Min(Math.Max(64, width / 64 * 64), positions);
    }

    /// <summary>Batch, input channels and output channels, after checking X and W agree with each other and the group count.</summary>
    private static (int N, int C, int M) Channels(Tensor x, Tensor w, int group, SlidingWindow window)
    {
        if (x.Rank < 3 || w.Rank != x.Rank)
        {
            throw new ArgumentException($"Conv needs X and W of the same rank (3 or more), got {x} and {w}.");
        }
        int c = (int)x.Dims[1];
        int m = (int)w.Dims[0];
        if (group <= 0 || c % group != 0 || m % group != 0 || w.Dims[1] != c / group)
        {
            throw new ArgumentException($"Conv with group {group}: X {x} and W {w} do not agree.");
        }
        if (!w.Dims[2..].SequenceEqual(window.Kernel))
        {
            throw new ArgumentException($"kernel_shape [{string.Join(",", window.Kernel)}] differs from W {w}.");
        }
        return ((int)x.Dims[0], c, m);
    }
}
