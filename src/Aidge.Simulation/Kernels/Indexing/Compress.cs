using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>Compress: the slices along the axis (or elements of the flattened input) whose condition entry is true.</summary>
[Kernel("Compress", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class CompressKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var condition = context.Input(1).Span<byte>();
        var axisAttribute = context.Node.FindAttribute("axis")?.AsInt();
        var data = axisAttribute is null ? input.Reshape(input.Length) : input;
        int axis = axisAttribute is long a ? ShapeMath.NormalizeAxis(a, data.Rank) : 0;
        long dim = data.Dims[axis];
        if (condition.Length > dim)
        {
            throw new ArgumentException($"The condition has {condition.Length} entries for an axis of {dim}.");
        }
        var kept = new List<long>();
        for (int i = 0; i < condition.Length; i++)
        {
            if (condition[i] != 0)
            {
                kept.Add(i);
            }
        }
        var dims = (long[])data.Dims.Clone();
        dims[axis] = kept.Count;
        var output = Tensor.Create(data.Type, dims);
        TensorAxis.Pick(data, axis, kept, output);
        context.SetOutput(0, output);
    }
}
