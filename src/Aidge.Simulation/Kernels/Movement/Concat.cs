using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>Concat: for each position before the axis, the inputs' blocks one after another.</summary>
[Kernel("Concat", WidenHalfPrecision = false)]
public sealed class ConcatKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var inputs = Enumerable.Range(0, context.InputCount).Select(context.Input).ToList();
        var first = inputs[0];
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), first.Rank);
        var dims = (long[])first.Dims.Clone();
        dims[axis] = 0;
        foreach (var input in inputs)
        {
            if (input.Rank != first.Rank || input.Dims.Where((d, i) => i != axis && d != first.Dims[i]).Any())
            {
                throw new ArgumentException($"Cannot concatenate {input} with {first} along axis {axis}.");
            }
            dims[axis] += input.Dims[axis];
        }
        var output = Tensor.Create(first.Type, dims);
        long outer = Tensor.ElementCountOf(dims.AsSpan(0, axis));
        long inner = Tensor.ElementCountOf(dims.AsSpan(axis + 1));
        int offset = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (var input in inputs)
            {
                int block = (int)(input.Dims[axis] * inner);
                RawElements.Copy(input, (int)(o * block), output, offset, block);
                offset += block;
            }
        }
        context.SetOutput(0, output);
    }
}
