using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>BitCast: the input's little-endian storage viewed as the target type (shared, never copied).</summary>
[Kernel("BitCast", SinceVersion = 26, WidenHalfPrecision = false)]
public sealed class BitCastKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var target = Core.Operators.Elementwise.Cast.TargetType(context.Node);
        if (x.Type == DataType.String || target == DataType.String || x.Type.SizeOf() != target.SizeOf())
        {
            throw new ArgumentException($"BitCast needs non-string types of one width, got {x.Type.OnnxName()} to {target.OnnxName()}.");
        }
        context.SetOutput(0, Tensor.FromBytes(target, (long[])x.Dims.Clone(), x.Bytes));
    }
}
