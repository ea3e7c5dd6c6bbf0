using System.Numerics;

namespace Aidge.Simulation.Kernels.Sampling;

/// <summary>
/// The (flat input offset, weight) pairs of one N-linear / N-cubic / nearest sample: the cartesian product of the
/// per-axis taps, leaving out taps that read zero padding (index -1). Buffers are reused between samples.
/// </summary>
public sealed class TapSet<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] offsets;
    private T[] weights;
    private int[] nextOffsets;
    private T[] nextWeights;
    private int count;

    public TapSet(int rank, int maxTapsPerAxis)
    {
        int capacity = checked((int)Math.Pow(maxTapsPerAxis, rank));
        offsets = new int[capacity];
        weights = new T[capacity];
        nextOffsets = new int[capacity];
        nextWeights = new T[capacity];
    }

    /// <summary>Builds the pairs from the taps of every axis (outermost first), axis a's taps at a * stride.</summary>
    public void Combine(ReadOnlySpan<int> sizes, ReadOnlySpan<int> axisIndices, ReadOnlySpan<T> axisWeights, ReadOnlySpan<int> axisCounts)
    {
        int stride = axisIndices.Length / sizes.Length;
        offsets[0] = 0;
        weights[0] = T.One;
        count = 1;
        for (int a = 0; a < sizes.Length; a++)
        {
            int next = 0;
            for (int i = 0; i < count; i++)
            {
                for (int k = 0; k < axisCounts[a]; k++)
                {
                    int index = axisIndices[a * stride + k];
                    if (index < 0)
                    {
                        continue;
                    }
                    nextOffsets[next] = offsets[i] * sizes[a] + index;
                    nextWeights[next] = weights[i] * axisWeights[a * stride + k];
                    next++;
                }
            }
            (offsets, nextOffsets) = (nextOffsets, offsets);
            (weights, nextWeights) = (nextWeights, weights);
            count = next;
        }
    }

    /// <summary>Copies the pairs out with every weight multiplied by <paramref name="scale"/>; returns how many there are.</summary>
    public int CopyTo(Span<int> destinationOffsets, Span<T> destinationWeights, T scale)
    {
        offsets.AsSpan(0, count).CopyTo(destinationOffsets);
        for (int i = 0; i < count; i++)
        {
            destinationWeights[i] = weights[i] * scale;
        }
        return count;
    }

    /// <summary>The weighted sum of <paramref name="plane"/> (one channel's input) at the pairs.</summary>
    public T Apply(ReadOnlySpan<T> plane)
    {
        T sum = T.Zero;
        for (int i = 0; i < count; i++)
        {
            sum += weights[i] * plane[offsets[i]];
        }
        return sum;
    }
}
