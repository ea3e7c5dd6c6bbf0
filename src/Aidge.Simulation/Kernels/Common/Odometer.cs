namespace Aidge.Simulation.Kernels.Common;

/// <summary>Steps a multi-dimensional index through a shape in row-major order (last axis fastest).</summary>
public static class Odometer
{
    /// <summary>Moves <paramref name="index"/> to the next position within <paramref name="dims"/>; false when it wraps back to all zeros.</summary>
    public static bool Advance(long[] index, ReadOnlySpan<long> dims)
    {
        for (int axis = index.Length - 1; axis >= 0; axis--)
        {
            if (++index[axis] < dims[axis])
            {
                return true;
            }
            index[axis] = 0;
        }
        return false;
    }
}
