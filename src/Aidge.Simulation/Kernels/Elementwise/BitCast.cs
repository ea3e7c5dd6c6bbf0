using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;
using BitCastSchema = Aidge.Core.Operators.Elementwise.BitCast;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>BitCast: a view of the input's little-endian storage as the target type (no copy; tensors are immutable).</summary>
[Kernel("BitCast", SinceVersion = 26, WidenHalfPrecision = false)]
public sealed class BitCastKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        var target = BitCastSchema.TargetType(context.Node);
        if (input.Type == DataType.String || input.Type.SizeOf() != target.SizeOf())
        {
            throw new ArgumentException($"Cannot reinterpret {input.Type.OnnxName()} as {target.OnnxName()}: the widths differ.");
        }
        context.SetOutput(0, Tensor.FromBytes(target, (long[])input.Dims.Clone(), input.Bytes));
    }
}
