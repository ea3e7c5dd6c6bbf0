using Aidge.Core.Operators;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>
/// For every output position of a pooling window over one spatial plane, the flat offsets of the input elements
/// it covers (padding excluded) and how many of its taps fall inside the padded extent (count_include_pad's
/// divisor). Computed once per call and reused for every (batch, channel) plane.
/// </summary>
internal sealed class PoolingWindows
{
    private readonly int[] starts;
    private readonly int[] offsets;
    private readonly int[] paddedCounts;

    private PoolingWindows(long[] input, long[] output, int[] starts, int[] offsets, int[] paddedCounts)
    {
        Input = input;
        Output = output;
        this.starts = starts;
        this.offsets = offsets;
        this.paddedCounts = paddedCounts;
    }

    public long[] Input { get; }

    public long[] Output { get; }

    public int InputSize => (int)Tensor.ElementCountOf(Input);

    public int OutputSize => starts.Length - 1;

    /// <summary>The window of a pooling node over tensor x (N, C, D...), from its attributes.</summary>
    public static PoolingWindows FromContext(KernelContext context, Tensor x)
    {
        var kernel = context.GetInts("kernel_shape") ?? throw new ArgumentException($"{context.Node.OpType} needs kernel_shape.");
        if (x.Rank != kernel.Length + 2)
        {
            throw new ArgumentException($"A {kernel.Length}-D kernel needs an input of rank {kernel.Length + 2}, got {x}.");
        }
        return Create(SlidingWindow.FromNode(context.Node, kernel), x.Dims[2..]);
    }

    public static PoolingWindows Create(SlidingWindow window, long[] input)
    {
        int rank = input.Length;
        var output = new long[rank];
        var padBegin = new long[rank];
        var padEnd = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            (output[i], padBegin[i], padEnd[i]) = window.Resolve(i, input[i]);
        }
        var strides = ShapeMath.Strides(input);
        int outputSize = (int)Tensor.ElementCountOf(output);
        int kernelSize = (int)Tensor.ElementCountOf(window.Kernel);
        var starts = new int[outputSize + 1];
        var offsets = new List<int>(outputSize * kernelSize);
        var paddedCounts = new int[outputSize];
        var position = new long[rank];
        var tap = new long[rank];
        for (int o = 0; o < outputSize; o++)
        {
            starts[o] = offsets.Count;
            Array.Clear(tap);
            for (int t = 0; t < kernelSize; t++)
            {
                bool valid = true;
                bool padded = true;
                long offset = 0;
                for (int d = 0; d < rank; d++)
                {
                    long coordinate = position[d] * window.Strides[d] - padBegin[d] + tap[d] * window.Dilations[d];
                    valid &= coordinate >= 0 && coordinate < input[d];
                    padded &= coordinate >= -padBegin[d] && coordinate < input[d] + padEnd[d];
                    offset += coordinate * strides[d];
                }
                if (valid)
                {
                    offsets.Add((int)offset);
                }
                paddedCounts[o] += padded ? 1 : 0;
                Odometer.Advance(tap, window.Kernel);
            }
            Odometer.Advance(position, output);
        }
        starts[outputSize] = offsets.Count;
        return new PoolingWindows(input, output, starts, offsets.ToArray(), paddedCounts);
    }

    /// <summary>Input offsets (within one plane) covered by output position o.</summary>
    public ReadOnlySpan<int> Taps(int o) => offsets.AsSpan(starts[o], starts[o + 1] - starts[o]);

    /// <summary>Taps of output position o inside the input or its padding.</summary>
    public int PaddedCount(int o) => paddedCounts[o];
}
