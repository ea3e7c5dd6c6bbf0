namespace Aidge.Export.Kernels;

/// <summary>An index space walked through several strided views at once (a copy's source and target, a broadcast's inputs).</summary>
public sealed record StridedDims(long[] Dims, long[][] Strides)
{
    public int Rank => Dims.Length;

    /// <summary>
    /// Drops size-1 dims and fuses neighbours that every view steps through contiguously, so kernels get few, long
    /// dims; always keeps one dim, of size 0 when the space is empty.
    /// </summary>
    public static StridedDims Merge(IReadOnlyList<long> dims, params IReadOnlyList<long>[] strides)
    {
        if (dims.Any(x => x == 0))
        {
            return new StridedDims([0], strides.Select(_ => new long[] { 0 }).ToArray());
        }
        var d = new List<long>();
        var s = strides.Select(_ => new List<long>()).ToArray();
        for (int i = 0; i < dims.Count; i++)
        {
            if (dims[i] == 1)
            {
                continue;
            }
            int axis = i;
            if (d.Count > 0 && Enumerable.Range(0, strides.Length).All(v => s[v][^1] == strides[v][axis] * dims[axis]))
            {
                d[^1] *= dims[i];
                for (int v = 0; v < strides.Length; v++)
                {
                    s[v][^1] = strides[v][i];
                }
                continue;
            }
            d.Add(dims[i]);
            for (int v = 0; v < strides.Length; v++)
            {
                s[v].Add(strides[v][i]);
            }
        }
        if (d.Count == 0)
        {
            return new StridedDims([1], strides.Select(_ => new long[] { 0 }).ToArray());
        }
        return new StridedDims(d.ToArray(), s.Select(l => l.ToArray()).ToArray());
    }
}
