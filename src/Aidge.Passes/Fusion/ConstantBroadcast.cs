using Aidge.Core.Tensors;

namespace Aidge.Passes.Fusion;

/// <summary>
/// Expands a constant operand to the shape it broadcasts to, for folding it into per-channel or per-element
/// parameters. Only numpy broadcasting that leaves <paramref name="target"/> as it is counts: a constant of higher
/// rank, or with a dim that is neither 1 nor the target's, would change the other operand's shape.
/// </summary>
internal static class ConstantBroadcast
{
    /// <summary>The constant's values expanded to <paramref name="target"/> (row-major), or null when it does not broadcast to it.</summary>
    public static double[]? TryExpand(Tensor constant, long[] target)
    {
        int offset = target.Length - constant.Rank;
        if (offset < 0)
        {
            return null;
        }
        // Stride of each target axis in the constant; 0 where the constant repeats along it.
        var strides = new long[target.Length];
        long stride = 1;
        for (int axis = target.Length - 1; axis >= offset; axis--)
        {
            long dim = constant.Dims[axis - offset];
            if (dim != 1 && dim != target[axis])
            {
                return null;
            }
            strides[axis] = dim == 1 ? 0 : stride;
            stride *= dim;
        }
        var values = new double[Tensor.ElementCountOf(target)];
        var index = new long[target.Length];
        for (int i = 0; i < values.Length; i++)
        {
            long source = 0;
            for (int axis = 0; axis < target.Length; axis++)
            {
                source += index[axis] * strides[axis];
            }
            values[i] = constant.GetDouble((int)source);
            for (int axis = target.Length - 1; axis >= 0 && ++index[axis] == target[axis]; axis--)
            {
                index[axis] = 0;
            }
        }
        return values;
    }
}
