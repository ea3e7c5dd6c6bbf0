using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Shaping;

/// <summary>Expand: broadcast axes (input dim 1, or missing on the left) have source stride 0.</summary>
[Kernel("Expand", SinceVersion = 8, WidenHalfPrecision = false)]
public sealed class ExpandKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var dims = ShapeMath.Broadcast(input.Dims, context.Input(1).ToInt64Array());
        var output = Tensor.Create(input.Type, dims);
        AxisGather.Run(input, output, dims.Select(StridedGather.Identity).ToArray(), Broadcasting.SourceStrides(input.Dims, dims));
        context.SetOutput(0, output);
    }
}
