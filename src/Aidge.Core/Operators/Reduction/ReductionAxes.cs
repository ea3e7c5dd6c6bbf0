namespace Aidge.Core.Operators.Reduction;

/// <summary>
/// Which axes a Reduce* node reduces, shared by shape inference and the simulator so both read
/// <c>axes</c> / <c>keepdims</c> / <c>noop_with_empty_axes</c> the same way.
/// </summary>
public static class ReductionAxes
{
    /// <summary>
    /// A mask of the reduced axes. Empty (or absent) axes mean every axis, unless
    /// <paramref name="noopWithEmptyAxes"/> asks for no axis at all.
    /// </summary>
    public static bool[] Resolve(long[]? axes, int rank, bool noopWithEmptyAxes)
    {
        var reduced = new bool[rank];
        if (axes is null || axes.Length == 0)
        {
            Array.Fill(reduced, !noopWithEmptyAxes);
            return reduced;
        }
        foreach (long axis in axes)
        {
            int normalized = ShapeMath.NormalizeAxis(axis, rank);
            if (reduced[normalized])
            {
                throw new ArgumentException($"Axis {axis} is listed twice.");
            }
            reduced[normalized] = true;
        }
        return reduced;
    }

    /// <summary>The output dims (concrete or symbolic) of a reduction over the masked axes.</summary>
    public static T[] OutputDims<T>(IReadOnlyList<T> dims, bool[] reduced, bool keepDims, T one)
    {
        var output = new List<T>(dims.Count);
        for (int i = 0; i < dims.Count; i++)
        {
            if (!reduced[i])
            {
                output.Add(dims[i]);
            }
            else if (keepDims)
            {
                output.Add(one);
            }
        }
        return output.ToArray();
    }
}
