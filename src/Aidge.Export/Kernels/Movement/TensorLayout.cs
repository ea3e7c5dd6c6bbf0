namespace Aidge.Export.Kernels;

/// <summary>Dense row-major layout arithmetic that emitters use to plan index mappings.</summary>
public static class TensorLayout
{
    /// <summary>Element strides of a dense row-major tensor of these dims.</summary>
    public static long[] Strides(IReadOnlyList<long> dims)
    {
        var strides = new long[dims.Count];
        long stride = 1;
        for (int i = dims.Count - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    /// <summary>The product of dims[from..to) (1 when empty).</summary>
    public static long Product(IReadOnlyList<long> dims, int from, int to)
    {
        long product = 1;
        for (int i = from; i < to; i++)
        {
            product *= dims[i];
        }
        return product;
    }

    /// <summary>Splits dims around an axis into the element counts before it, along it and after it.</summary>
    public static (long Outer, long Axis, long Inner) AroundAxis(IReadOnlyList<long> dims, int axis) =>
        (Product(dims, 0, axis), dims[axis], Product(dims, axis + 1, dims.Count));

    /// <summary>
    /// The lanes of Softmax-like operators: along the axis, or before opset 13 along all dims from the axis on (the
    /// input coerced to 2-D there, so a lane is a whole trailing block).
    /// </summary>
    public static (long Outer, long Axis, long Inner) Lanes(IReadOnlyList<long> dims, int axis, bool coercedTo2D) =>
        coercedTo2D ? (Product(dims, 0, axis), Product(dims, axis, dims.Count), 1) : AroundAxis(dims, axis);
}
