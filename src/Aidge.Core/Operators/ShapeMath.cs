using Aidge.Core.Tensors;

namespace Aidge.Core.Operators;

/// <summary>Shape arithmetic that many operators' inference shares: broadcasting and axis normalization.</summary>
public static class ShapeMath
{
    /// <summary>Numpy-style multidirectional broadcast of shapes; null when any rank is unknown.</summary>
    public static Shape? Broadcast(params Shape?[] shapes)
    {
        if (shapes.Any(s => s is null))
        {
            return null;
        }
        int rank = shapes.Max(s => s!.Rank);
        var dims = new Dim[rank];
        for (int i = 0; i < rank; i++)
        {
            Dim result = 1;
            foreach (var shape in shapes)
            {
                int j = i - (rank - shape!.Rank);
                if (j < 0)
                {
                    continue;
                }
                result = BroadcastDim(result, shape[j]);
            }
            dims[i] = result;
        }
        return new Shape(dims);
    }

    private static Dim BroadcastDim(Dim a, Dim b)
    {
        if (a.Value == 1)
        {
            return b;
        }
        if (b.Value == 1)
        {
            return a;
        }
        if (a.IsKnown && b.IsKnown)
        {
            return a.Value == b.Value ? a : throw new ArgumentException($"Dims {a} and {b} cannot be broadcast together.");
        }
        if (a.IsKnown)
        {
            return a;
        }
        if (b.IsKnown)
        {
            return b;
        }
        return a.Symbol is not null && a.Symbol == b.Symbol ? a : Dim.Unknown;
    }

    /// <summary>Numpy-style broadcast of concrete dims (used by kernels).</summary>
    public static long[] Broadcast(params long[][] shapes)
    {
        int rank = shapes.Max(s => s.Length);
        var dims = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long result = 1;
            foreach (var shape in shapes)
            {
                int j = i - (rank - shape.Length);
                if (j < 0 || shape[j] == 1)
                {
                    continue;
                }
                if (result != 1 && result != shape[j])
                {
                    throw new ArgumentException($"Shapes [{string.Join("],[", shapes.Select(s => string.Join(",", s)))}] cannot be broadcast together.");
                }
                result = shape[j];
            }
            dims[i] = shapes.Any(s => i - (rank - s.Length) >= 0 && s[i - (rank - s.Length)] == 0) ? 0 : result;
        }
        return dims;
    }

    /// <summary>Maps a possibly negative axis into [0, rank); throws when out of range.</summary>
    public static int NormalizeAxis(long axis, int rank)
    {
        long normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= Math.Max(rank, 1) && !(rank == 0 && normalized == 0))
        {
            throw new ArgumentException($"Axis {axis} is out of range for rank {rank}.");
        }
        return (int)normalized;
    }

    /// <summary>Row-major strides of concrete dims.</summary>
    public static long[] Strides(ReadOnlySpan<long> dims)
    {
        var strides = new long[dims.Length];
        long stride = 1;
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }
}
