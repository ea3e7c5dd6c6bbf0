using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>Gather's and Compress's copy: for each position before the axis, the picked entries of the axis with their blocks.</summary>
public static class AxisTake
{
    /// <summary>Fills <paramref name="output"/>, whose layout is [outer, picks, inner], from <paramref name="data"/>.</summary>
    public static void Run(Tensor data, int axis, IReadOnlyList<long> picks, Tensor output)
    {
        long dim = data.Dims[axis];
        long outer = Tensor.ElementCountOf(data.Dims.AsSpan(0, axis));
        int inner = (int)Tensor.ElementCountOf(data.Dims.AsSpan(axis + 1));
        int offset = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (long pick in picks)
            {
                RawElements.Copy(data, (int)((o * dim + pick) * inner), output, offset, inner);
                offset += inner;
            }
        }
    }
}
