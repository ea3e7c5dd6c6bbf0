using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Sequence;

/// <summary>
/// SplitToSequence: pieces of size 1 (squeezed when keepdims is 0) without a split input; with a scalar split,
/// pieces of that size (the last may be shorter); with a 1-D split, pieces of the listed sizes.
/// </summary>
[Kernel("SplitToSequence", SinceVersion = 11, WidenHalfPrecision = false)]
public sealed class SplitToSequenceKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), input.Rank);
        long size = input.Dims[axis];
        var result = new TensorSequence { ElementType = input.Type };
        if (context.OptionalInput(1) is not { } split)
        {
            bool keep = context.GetInt("keepdims") != 0;
            for (long i = 0; i < size; i++)
            {
                result.Add(keep ? TensorAxis.Slice(input, axis, i, 1) : TensorAxis.Take(input, axis, i));
            }
        }
        else
        {
            long start = 0;
            foreach (long length in PieceSizes(split, size))
            {
                result.Add(TensorAxis.Slice(input, axis, start, length));
                start += length;
            }
        }
        context.SetOutputValue(0, result);
    }

    private static IEnumerable<long> PieceSizes(Tensor split, long size)
    {
        var values = split.ToInt64Array();
        if (split.Rank == 0)
        {
            if (values[0] <= 0)
            {
                throw new ArgumentException($"split must be positive, got {values[0]}.");
            }
            for (long start = 0; start < size; start += values[0])
            {
                yield return Math.Min(values[0], size - start);
            }
            yield break;
        }
        if (values.Any(v => v < 0) || values.Sum() != size)
        {
            throw new ArgumentException($"split [{string.Join(",", values)}] must be non-negative and add up to the axis size {size}.");
        }
        foreach (long v in values)
        {
            yield return v;
        }
    }
}
