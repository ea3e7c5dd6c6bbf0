using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>
/// The one strided copy behind Transpose, Slice, Expand, Tile, Pad and DepthToSpace: each output axis j has a map
/// from output coordinate to source coordinate and a source stride, so
/// <c>out[o_0, ..., o_k] = in[Σ map_j[o_j] · stride_j]</c>. A negative map entry marks padding: that output element
/// keeps what the destination already holds. Rows whose last-axis map is a contiguous run are block copies.
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

    private readonly struct GatherRows(int[][] maps, long[] strides) : IRawElementAction
    {
        public void Run<T>(Span<T> source, Span<T> destination)
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
                if (RowBase(counter) is long rowBase)
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
                Advance(counter);
            }
        }

        /// <summary>The source offset of the row at the counter over the outer axes, or null when the row is padding.</summary>
        private long? RowBase(int[] counter)
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

        private void Advance(int[] counter)
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
}
