using Aidge.Core.Operators.Shaping;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Shaping;

/// <summary>Shape (with start/end from opset 15) and Size.</summary>
[Kernel("Shape", WidenHalfPrecision = false)]
[Kernel("Size", WidenHalfPrecision = false)]
public sealed class ShapeKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        if (context.Node.OpType == "Size")
        {
            context.SetOutput(0, Tensor.Scalar((long)input.Length));
            return;
        }
        var (startAttribute, endAttribute) = ShapeFamily.Attributes(context.Node);
        var (start, end) = ShapeFamily.Bounds(input.Rank, startAttribute, endAttribute);
        context.SetOutput(0, Tensor.FromArray(input.Dims[start..end], end - start));
    }
}
