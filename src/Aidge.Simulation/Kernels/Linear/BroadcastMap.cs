using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>Numpy broadcasting as an index map: for each element of the target shape, the flat index of the source element it reads.</summary>
internal static class BroadcastMap
{
    public static int[] SourceIndices(long[] source, long[] target)
    {
        int rank = target.Length;
        if (source.Length > rank)
        {
            throw Incompatible(source, target);
        }
        // A broadcast axis has stride 0 in the source; gathering the source's own flat indices then yields the map.
        var strides = new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= rank - source.Length; i--)
        {
            long dim = source[i - (rank - source.Length)];
            if (dim != 1 && dim != target[i])
            {
                throw Incompatible(source, target);
            }
            strides[i] = dim == 1 ? 0 : stride;
            stride *= dim;
        }
        var identity = Enumerable.Range(0, checked((int)stride)).ToArray();
        return StridedGather.Gather<int>(identity, target, strides);
    }

    private static ArgumentException Incompatible(long[] source, long[] target) =>
        new($"Shape [{string.Join(",", source)}] cannot broadcast to [{string.Join(",", target)}].");
}
