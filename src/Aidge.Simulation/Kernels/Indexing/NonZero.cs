using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>NonZero: the coordinates of the nonzero elements, one column per element in row-major order.</summary>
[Kernel("NonZero", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class NonZeroKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var found = new List<int>();
        for (int i = 0; i < input.Length; i++)
        {
            if (IsNonZero(input, i))
            {
                found.Add(i);
            }
        }
        var output = Tensor.Create(DataType.Int64, input.Rank, found.Count);
        var coordinates = output.Span<long>();
        var strides = ShapeMath.Strides(input.Dims);
        for (int k = 0; k < found.Count; k++)
        {
            for (int j = 0; j < input.Rank; j++)
            {
                coordinates[j * found.Count + k] = found[k] / strides[j] % input.Dims[j];
            }
        }
        context.SetOutput(0, output);
    }

    /// <summary>Whether element i is nonzero; a float is zero when all its bits but the sign are (so -0 is zero, NaN is not).</summary>
    private static bool IsNonZero(Tensor input, int i) => input.Type switch
    {
        DataType.String => input.Strings[i].Length > 0,
        DataType.Float => (input.Span<uint>()[i] & 0x7fffffffu) != 0,
        DataType.Double => (input.Span<ulong>()[i] & 0x7fffffffffffffffUL) != 0,
        DataType.Float16 or DataType.BFloat16 => (input.Span<ushort>()[i] & 0x7fff) != 0,
        _ => input.Type.SizeOf() switch
        {
            1 => input.Span<byte>()[i] != 0,
            2 => input.Span<ushort>()[i] != 0,
            4 => input.Span<uint>()[i] != 0,
            _ => input.Span<ulong>()[i] != 0,
        },
    };
}
