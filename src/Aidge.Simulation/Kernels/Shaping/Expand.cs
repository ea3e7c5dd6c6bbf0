using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Shaping;

/// <summary>Expand: broadcast axes (input dim 1, or missing on the left) read coordinate 0 for every output coordinate.</summary>
[Kernel("Expand", SinceVersion = 8, WidenHalfPrecision = false)]
public sealed class ExpandKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var dims = ShapeMath.Broadcast(input.Dims, context.Input(1).ToInt64Array());
        int lead = dims.Length - input.Rank;
        var strides = ShapeMath.Strides(input.Dims);
        var maps = new int[dims.Length][];
        var sourceStrides = new long[dims.Length];
        for (int j = 0; j < dims.Length; j++)
        {
            bool broadcast = j < lead || input.Dims[j - lead] != dims[j];
            maps[j] = broadcast ? new int[dims[j]] : AxisGather.Identity(dims[j]);
            sourceStrides[j] = j < lead ? 0 : strides[j - lead];
        }
        var output = Tensor.Create(input.Type, dims);
        AxisGather.Run(input, output, maps, sourceStrides);
        context.SetOutput(0, output);
    }
}
