namespace Aidge.Simulation.Kernels.Linear;

/// <summary>Numpy broadcasting as an index map: for each element of the target shape, the flat index of the source element it reads.</summary>
internal static class BroadcastMap
{
    public static int[] SourceIndices(long[] source, long[] target)
    {
        if (source.Length > target.Length)
        {
            throw new ArgumentException($"Shape [{string.Join(",", source)}] cannot broadcast to [{string.Join(",", target)}].");
        }
        int rank = target.Length;
        var strides = new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= 0; i--)
        {
            int j = i - (rank - source.Length);
            if (j < 0)
            {
                continue;
            }
            if (source[j] != 1 && source[j] != target[i])
            {
                throw new ArgumentException($"Shape [{string.Join(",", source)}] cannot broadcast to [{string.Join(",", target)}].");
            }
            strides[i] = source[j] == 1 ? 0 : stride;
            stride *= source[j];
        }
        var result = new int[checked((int)Aidge.Core.Tensors.Tensor.ElementCountOf(target))];
        var index = new long[rank];
        long offset = 0;
        for (int flat = 0; flat < result.Length; flat++)
        {
            result[flat] = (int)offset;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                offset += strides[axis];
                if (++index[axis] < target[axis])
                {
                    break;
                }
                offset -= strides[axis] * index[axis];
                index[axis] = 0;
            }
        }
        return result;
    }
}
