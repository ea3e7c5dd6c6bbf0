using System.Numerics;
using System.Numerics.Tensors;
using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>The first stage of layer, group and RMS normalization over one contiguous row.</summary>
public static class RowStandardization
{
    /// <summary>
    /// Writes (row - mean) / sqrt(variance + epsilon) into <paramref name="destination"/>; without
    /// <paramref name="center"/> the mean is taken as 0, which gives RMS normalization.
    /// Returns the mean and the inverse standard deviation.
    /// </summary>
    public static (T Mean, T InvStdDev) Standardize<T>(ReadOnlySpan<T> row, Span<T> destination, T epsilon, bool center)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T count = T.CreateTruncating(row.Length);
        T mean = center ? TensorPrimitives.Sum(row) / count : T.Zero;
        TensorPrimitives.Subtract(row, mean, destination);
        T variance = TensorPrimitives.SumOfSquares<T>(destination) / count;
        T inverse = T.One / T.Sqrt(variance + epsilon);
        TensorPrimitives.Multiply(destination, inverse, destination);
        return (mean, inverse);
    }

    /// <summary>
    /// A scale or bias for rows of shape <paramref name="block"/> (the trailing dims of <paramref name="dims"/>):
    /// expanded to one row when it broadcasts to the row, else to the whole tensor.
    /// </summary>
    public static (T[] Values, bool PerRow) ExpandOperand<T>(ReadOnlySpan<T> values, long[] operandDims, long[] dims, int axis)
    {
        var block = dims[axis..];
        return Broadcasting.CanExpand(operandDims, block)
            ? (Broadcasting.Expand(values, operandDims, block), false)
            : (Broadcasting.Expand(values, operandDims, dims), true);
    }
}
