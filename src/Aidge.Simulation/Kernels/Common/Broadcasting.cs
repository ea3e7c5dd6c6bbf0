namespace Aidge.Simulation.Kernels.Common;

/// <summary>Unidirectional (numpy) broadcasting of an operand, such as a scale, a bias or a mask, to a target shape.</summary>
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

    /// <summary>The operand's stride along each target axis: 0 where it is broadcast (absent or size 1).</summary>
    public static long[] SourceStrides(ReadOnlySpan<long> dims, ReadOnlySpan<long> target)
    {
        if (!CanExpand(dims, target))
        {
            throw new ArgumentException($"Shape [{string.Join(",", dims.ToArray())}] does not broadcast to [{string.Join(",", target.ToArray())}].");
        }
        int offset = target.Length - dims.Length;
        var strides = new long[target.Length];
        long stride = 1;
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            strides[offset + i] = dims[i] == 1 ? 0 : stride;
            stride *= dims[i];
        }
        return strides;
    }

    /// <summary>The values of a tensor of shape <paramref name="dims"/> repeated out to <paramref name="target"/>.</summary>
    public static T[] Expand<T>(ReadOnlySpan<T> values, ReadOnlySpan<long> dims, ReadOnlySpan<long> target) =>
        StridedGather.Gather(values, target.ToArray(), SourceStrides(dims, target));
}
