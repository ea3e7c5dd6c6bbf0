namespace Aidge.Export.Kernels;

/// <summary>Element strides of a tensor read as if broadcast to larger dims (NumPy rules): 0 along dims it repeats.</summary>
public static class BroadcastStrides
{
    public static long[] Of(long[] dims, long[] target)
    {
        var strides = new long[target.Length];
        long stride = 1;
        for (int i = 1; i <= target.Length; i++)
        {
            int source = dims.Length - i;
            long size = source >= 0 ? dims[source] : 1;
            strides[^i] = size == 1 ? 0 : stride;
            stride *= size;
        }
        return strides;
    }

}
