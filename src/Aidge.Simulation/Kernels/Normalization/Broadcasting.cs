namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>Unidirectional (numpy) broadcasting of a small operand such as a scale or bias to a target shape.</summary>
public static class Broadcasting
{
    public static bool CanExpand(ReadOnlySpan<long> dims, ReadOnlySpan<long> target)
    {
        if (dims.Length > target.Length)
        {
            return false;
        }
        int offset = target.Length - dims.Length;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] != 1 && dims[i] != target[offset + i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The values of a tensor of shape <paramref name="dims"/> repeated out to <paramref name="target"/>.</summary>
    public static T[] Expand<T>(ReadOnlySpan<T> values, ReadOnlySpan<long> dims, ReadOnlySpan<long> target)
    {
        if (!CanExpand(dims, target))
        {
            throw new ArgumentException($"Shape [{string.Join(",", dims.ToArray())}] does not broadcast to [{string.Join(",", target.ToArray())}].");
        }
        long count = 1;
        foreach (long d in target)
        {
            count *= d;
        }
        var result = new T[count];
        if (count == 0)
        {
            return result;
        }
        // Source stride per target axis: 0 where the operand is broadcast (absent or size 1).
        int rank = target.Length;
        int offset = rank - dims.Length;
        var strides = new long[rank];
        long stride = 1;
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            strides[offset + i] = dims[i] == 1 ? 0 : stride;
            stride *= dims[i];
        }
        var index = new long[rank];
        long source = 0;
        for (long k = 0; k < count; k++)
        {
            result[k] = values[(int)source];
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                source += strides[axis];
                if (++index[axis] < target[axis])
                {
                    break;
                }
                source -= strides[axis] * target[axis];
                index[axis] = 0;
            }
        }
        return result;
    }
}
