using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Common;

/// <summary>
/// The one strided copy of a row-major buffer into a contiguous one: each output axis j has a map from output
/// coordinate to source coordinate and a source stride, so <c>out[o_0, ..., o_k] = in[Σ map_j[o_j] · stride_j]</c>.
/// With identity maps the strides alone give a transpose (permuted strides), a diagonal (summed strides) or a
/// broadcast (zero strides); other maps give slices, tiles and pads. A negative map entry marks padding: that output
/// element keeps what the destination already holds. Rows whose last-axis map is a contiguous run are block copies.
/// </summary>
public static class StridedGather
{
    /// <summary>A new buffer of shape <paramref name="dims"/> read from <paramref name="source"/> with the given strides.</summary>
    public static T[] Gather<T>(ReadOnlySpan<T> source, long[] dims, long[] strides)
    {
        var result = new T[Tensor.ElementCountOf(dims)];
        Gather(source, result, dims.Select(Identity).ToArray(), strides);
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> (dims = the maps' lengths) from <paramref name="source"/>.</summary>
    public static void Gather<T>(ReadOnlySpan<T> source, Span<T> destination, int[][] maps, long[] strides)
    {
        if (destination.Length == 0)
        {
            return;
        }
        int rank = maps.Length;
        if (rank == 0)
        {
            destination[0] = source[0];
            return;
        }
        int[] inner = maps[rank - 1];
        long innerStride = strides[rank - 1];
        bool contiguous = IsContiguousRun(inner, innerStride);
        var counter = new int[rank - 1];
        for (int offset = 0; offset < destination.Length; offset += inner.Length)
        {
            if (RowBase(maps, strides, counter) is long rowBase)
            {
                var row = destination.Slice(offset, inner.Length);
                if (contiguous)
                {
                    source.Slice((int)(rowBase + inner[0]), inner.Length).CopyTo(row);
                }
                else
                {
                    for (int i = 0; i < row.Length; i++)
                    {
                        if (inner[i] >= 0)
                        {
                            row[i] = source[(int)(rowBase + inner[i] * innerStride)];
                        }
                    }
                }
            }
            Advance(maps, counter);
        }
    }

    /// <summary>For each element of <paramref name="dims"/> in row-major order, its flat offset Σ coordinate_j · strides_j.</summary>
    public static int[] Offsets(long[] dims, long[] strides)
    {
        var offsets = new int[Tensor.ElementCountOf(dims)];
        if (offsets.Length == 0 || dims.Length == 0)
        {
            return offsets;
        }
        var maps = dims.Select(Identity).ToArray();
        int rowLength = (int)dims[^1];
        long innerStride = strides[^1];
        var counter = new int[dims.Length - 1];
        for (int offset = 0; offset < offsets.Length; offset += rowLength)
        {
            long rowBase = RowBase(maps, strides, counter)!.Value;
            for (int i = 0; i < rowLength; i++)
            {
                offsets[offset + i] = checked((int)(rowBase + i * innerStride));
            }
            Advance(maps, counter);
        }
        return offsets;
    }

    /// <summary>The identity map of an axis: output coordinate i reads source coordinate i.</summary>
    public static int[] Identity(long length) => Enumerable.Range(0, checked((int)length)).ToArray();

    /// <summary>Output coordinate i reads source coordinate start + i·step.</summary>
    public static int[] Stepped(long start, long step, long count)
    {
        var map = new int[count];
        for (int i = 0; i < map.Length; i++)
        {
            map[i] = checked((int)(start + i * step));
        }
        return map;
    }

    /// <summary>The source offset of the row at the counter over the outer axes, or null when the row is padding.</summary>
    private static long? RowBase(int[][] maps, long[] strides, int[] counter)
    {
        long rowBase = 0;
        for (int j = 0; j < counter.Length; j++)
        {
            int coordinate = maps[j][counter[j]];
            if (coordinate < 0)
            {
                return null;
            }
            rowBase += coordinate * strides[j];
        }
        return rowBase;
    }

    /// <summary>Steps the counter over the outer axes to the next row, in row-major order.</summary>
    private static void Advance(int[][] maps, int[] counter)
    {
        for (int j = counter.Length - 1; j >= 0; j--)
        {
            if (++counter[j] < maps[j].Length)
            {
                return;
            }
            counter[j] = 0;
        }
    }

    private static bool IsContiguousRun(int[] map, long stride)
    {
        if (stride != 1 || map.Length == 0 || map[0] < 0)
        {
            return false;
        }
        for (int i = 1; i < map.Length; i++)
        {
            if (map[i] != map[0] + i)
            {
                return false;
            }
        }
        return true;
    }
}
