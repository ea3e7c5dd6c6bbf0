using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>
/// <see cref="StridedGather"/> over tensors of any element type, moved as raw elements: the strided copy behind
/// Transpose, Slice, Expand, Tile, Pad and CenterCropPad.
/// </summary>
public static class AxisGather
{
    /// <summary>Fills <paramref name="destination"/> (dims = the maps' lengths) from <paramref name="source"/>.</summary>
    public static void Run(Tensor source, Tensor destination, int[][] maps, long[] sourceStrides)
    {
        if (maps.Length != destination.Rank || maps.Where((m, j) => m.Length != destination.Dims[j]).Any())
        {
            throw new ArgumentException("The axis maps do not match the destination's dims.");
        }
        RawElements.Run(source, destination, new GatherRows(maps, sourceStrides));
    }

    private readonly struct GatherRows(int[][] maps, long[] strides) : IRawElementAction
    {
        public void Run<T>(Span<T> source, Span<T> destination) => StridedGather.Gather<T>(source, destination, maps, strides);
    }
}
