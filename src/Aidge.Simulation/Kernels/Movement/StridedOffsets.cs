namespace Aidge.Simulation.Kernels.Movement;

/// <summary>Flat offsets of every element of a row-major index space in a strided layout.</summary>
public static class StridedOffsets
{
    /// <summary>For each element of <paramref name="dims"/> in row-major order, Σ coordinate_j · strides_j.</summary>
    public static int[] Of(long[] dims, long[] strides)
    {
        long count = 1;
        foreach (long d in dims)
        {
            count *= d;
        }
        var offsets = new int[count];
        if (count == 0)
        {
            return offsets;
        }
        var counter = new long[dims.Length];
        long offset = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = checked((int)offset);
            for (int j = dims.Length - 1; j >= 0; j--)
            {
                offset += strides[j];
                if (++counter[j] < dims[j])
                {
                    break;
                }
                offset -= strides[j] * dims[j];
                counter[j] = 0;
            }
        }
        return offsets;
    }
}
