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
}
