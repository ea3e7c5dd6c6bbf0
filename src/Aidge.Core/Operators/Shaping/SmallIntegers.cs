using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Shaping;

/// <summary>
/// Compile-time evaluation of the small integer vectors that shape computations pass around
/// (Shape → Gather → Unsqueeze → Concat → Reshape), so the shapes they feed become static. Larger or
/// non-integer data is left to the simulator.
/// </summary>
public static class SmallIntegers
{
    /// <summary>The most elements a folded vector may have.</summary>
    public const int MaxLength = 64;

    public static bool IsSmall(Tensor tensor) =>
        tensor.Type is DataType.Int64 or DataType.Int32 && tensor.Rank <= 1 && tensor.Length <= MaxLength;

    /// <summary>Input index's values when it is a small constant integer vector or scalar, else null.</summary>
    public static long[]? Values(InferenceContext context, int index) =>
        context.ConstantInput(index) is { } tensor && IsSmall(tensor) ? tensor.ToInt64Array() : null;

    /// <summary>True when every input is a small constant integer vector; their values in order.</summary>
    public static bool AllConstant(InferenceContext context, out List<long[]> values)
    {
        values = new List<long[]>();
        for (int i = 0; i < context.InputCount; i++)
        {
            if (Values(context, i) is not { } part)
            {
                return false;
            }
            values.Add(part);
        }
        return true;
    }

    /// <summary>An int64 or int32 tensor of the given values and dims (a vector when no dims are given).</summary>
    public static Tensor Create(DataType type, long[] values, long[]? dims = null)
    {
        dims ??= [values.Length];
        return type == DataType.Int32
            ? Tensor.FromArray(values.Select(v => checked((int)v)).ToArray(), dims)
            : Tensor.FromArray(values, dims);
    }
}
