using System.Numerics;
using Aidge.Simulation.Kernels.Sampling;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// The bilinear (N-linear) samples one DeformConv image reads: for every (offset group, kernel tap, output
/// position), the input offsets and weights (mask included) around the shifted tap location. Samples depend on
/// the offset group only, so every channel of the group reuses them. Locations outside the input read zeros.
/// </summary>
public sealed class DeformableTaps<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int rank;
    private readonly int[] imageSizes;
    private readonly int[] kernelCoordinates;
    private readonly int[] positionCoordinates;
    private readonly long[] strides;
    private readonly long[] dilations;
    private readonly long[] padBegin;
    private readonly int maxTaps;
    private readonly int[] offsets;
    private readonly T[] weights;
    private readonly int[] counts;
    private readonly TapSet<T> combined;

    public DeformableTaps(long[] image, long[] kernel, long[] output, long[] strides, long[] dilations, long[] padBegin, int offsetGroups)
    {
        rank = image.Length;
        imageSizes = image.Select(d => (int)d).ToArray();
        kernelCoordinates = Coordinates(kernel);
        positionCoordinates = Coordinates(output);
        KernelSize = kernelCoordinates.Length / rank;
        PositionCount = positionCoordinates.Length / rank;
        this.strides = strides;
        this.dilations = dilations;
        this.padBegin = padBegin;
        maxTaps = 1 << rank;
        int samples = offsetGroups * KernelSize * PositionCount;
        offsets = new int[samples * maxTaps];
        weights = new T[samples * maxTaps];
        counts = new int[samples];
        combined = new TapSet<T>(rank, 2);
    }

    public int KernelSize { get; }

    public int PositionCount { get; }

    /// <summary>
    /// Computes the samples of one image from its offsets (offset groups × taps × rank planes of PositionCount)
    /// and its optional mask (offset groups × taps planes).
    /// </summary>
    public void Compute(ReadOnlySpan<T> offset, ReadOnlySpan<T> mask)
    {
        Span<int> axisIndices = stackalloc int[2 * rank];
        Span<int> axisCounts = stackalloc int[rank];
        var axisWeights = new T[2 * rank];
        for (int sample = 0; sample < counts.Length; sample++)
        {
            int p = sample % PositionCount;
            int plane = sample / PositionCount;
            int tap = plane % KernelSize;
            for (int a = 0; a < rank; a++)
            {
                double location = positionCoordinates[p * rank + a] * strides[a] - padBegin[a]
                    + kernelCoordinates[tap * rank + a] * dilations[a]
                    + double.CreateTruncating(offset[(plane * rank + a) * PositionCount + p]);
                double low = Math.Floor(location);
                T fraction = T.CreateTruncating(location - low);
                axisIndices[2 * a] = Inside((long)low, imageSizes[a]);
                axisIndices[2 * a + 1] = Inside((long)low + 1, imageSizes[a]);
                axisWeights[2 * a] = T.One - fraction;
                axisWeights[2 * a + 1] = fraction;
                axisCounts[a] = 2;
            }
            combined.Combine(imageSizes, axisIndices, axisWeights, axisCounts);
            T scale = mask.IsEmpty ? T.One : mask[sample];
            counts[sample] = combined.CopyTo(offsets.AsSpan(sample * maxTaps, maxTaps), weights.AsSpan(sample * maxTaps, maxTaps), scale);
        }
    }

    /// <summary>The value of sample (offset group, tap, position) in one channel's input plane.</summary>
    public T Sample(ReadOnlySpan<T> plane, int sample)
    {
        T sum = T.Zero;
        int first = sample * maxTaps;
        for (int i = first; i < first + counts[sample]; i++)
        {
            sum += weights[i] * plane[offsets[i]];
        }
        return sum;
    }

    private static int Inside(long index, int size) => index >= 0 && index < size ? (int)index : -1;

    /// <summary>Row-major coordinates of every point of a box, rank values per point.</summary>
    private static int[] Coordinates(long[] box)
    {
        int count = (int)box.Aggregate(1L, (n, d) => n * d);
        var coordinates = new int[count * box.Length];
        for (int point = 0; point < count; point++)
        {
            int rest = point;
            for (int a = box.Length - 1; a >= 0; a--)
            {
                coordinates[point * box.Length + a] = rest % (int)box[a];
                rest /= (int)box[a];
            }
        }
        return coordinates;
    }
}
