using Aidge.Core.Operators;
using Aidge.Core.Operators.Indexing;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>OneHot: values[0] everywhere, then values[1] at each in-range index (negative ones count from depth).</summary>
[Kernel("OneHot", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class OneHotKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var indices = context.Input(0);
        long depth = OneHotFamily.Depth(context.Input(1));
        var values = context.Input(2);
        if (values.Length != 2)
        {
            throw new ArgumentException($"OneHot values need two elements, got {values}.");
        }
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), indices.Rank + 1);
        var dims = indices.Dims.ToList();
        dims.Insert(axis, depth);
        var output = RawElements.Filled(values.Type, dims.ToArray(), values, 0);
        long inner = Tensor.ElementCountOf(indices.Dims.AsSpan(axis));
        for (int i = 0; i < indices.Length; i++)
        {
            long index = (long)indices.GetDouble(i);
            index = index < 0 ? index + depth : index;
            if (index >= 0 && index < depth)
            {
                long outer = i / inner;
                RawElements.Copy(values, 1, output, (int)((outer * depth + index) * inner + i % inner), 1);
            }
        }
        context.SetOutput(0, output);
    }
}
