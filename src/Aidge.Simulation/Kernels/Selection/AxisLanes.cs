using System.Numerics;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Selection;

/// <summary>
/// A tensor seen as [outer, length, inner] around one axis: each (outer, inner) pair is a lane of
/// <see cref="Length"/> elements <see cref="Inner"/> apart, the unit that TopK, ArgMax, Hardmax and CumSum work on.
/// </summary>
public readonly record struct AxisLanes(long Outer, long Length, long Inner)
{
    public static AxisLanes Of(long[] dims, int axis) =>
        new(Tensor.ElementCountOf(dims.AsSpan(0, axis)), dims[axis], Tensor.ElementCountOf(dims.AsSpan(axis + 1)));

    public long Count => Outer * Inner;

    /// <summary>The offset of the first element of lane <paramref name="lane"/> (numbered outer-major).</summary>
    public int Start(long lane) => (int)(lane / Inner * Length * Inner + lane % Inner);

    /// <summary>
    /// The position along lane <paramref name="lane"/> (not empty) of its first maximum (or minimum); with
    /// <paramref name="last"/>, of its last one.
    /// </summary>
    public long IndexOfExtreme<T>(ReadOnlySpan<T> source, long lane, bool maximum, bool last)
        where T : INumber<T>
    {
        int start = Start(lane);
        T best = source[start];
        long bestIndex = 0;
        for (long i = 1; i < Length; i++)
        {
            T value = source[start + (int)(i * Inner)];
            bool better = maximum ? value > best : value < best;
            if (better || last && value == best)
            {
                best = value;
                bestIndex = i;
            }
        }
        return bestIndex;
    }
}
