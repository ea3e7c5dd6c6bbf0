namespace Aidge.Simulation.Kernels.Common;

/// <summary>
/// Copies a strided view of a row-major buffer into a new contiguous one. With the right strides this is a
/// transpose (permuted strides), a diagonal (summed strides) or a broadcast (zero strides).
/// </summary>
public static class StridedGather
{
    public static T[] Gather<T>(ReadOnlySpan<T> source, long[] dims, long[] strides)
    {
        long count = 1;
        foreach (long d in dims)
        {
            count *= d;
        }
        var result = new T[count];
        if (count == 0)
        {
            return result;
        }
        int rank = dims.Length;
        // The innermost axis is copied as one run when it is contiguous in the source.
        int run = rank > 0 && strides[^1] == 1 ? (int)dims[^1] : 1;
        int outer = rank > 0 && run > 1 ? rank - 1 : rank;
        var index = new long[outer];
        long offset = 0;
        for (long k = 0; k < count; k += run)
        {
            if (run > 1)
            {
                source.Slice((int)offset, run).CopyTo(result.AsSpan((int)k, run));
            }
            else
            {
                result[k] = source[(int)offset];
            }
            for (int axis = outer - 1; axis >= 0; axis--)
            {
                offset += strides[axis];
                if (++index[axis] < dims[axis])
                {
                    break;
                }
                offset -= strides[axis] * dims[axis];
                index[axis] = 0;
            }
        }
        return result;
    }
}
