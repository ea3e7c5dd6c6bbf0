using System.Numerics.Tensors;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>
/// And, Or and Xor on bool tensors. Bools are stored as 0/1 bytes, so the bitwise byte operations give the
/// logical results directly, vectorized.
/// </summary>
[Kernel("And")]
[Kernel("Or")]
[Kernel("Xor")]
public sealed class LogicalKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var (x, y) = BinaryOperands.Read(context);
        if (x.Type != DataType.Bool)
        {
            throw ElementTypes.Unsupported(x.Type, "bool");
        }
        context.SetOutput(0, context.Node.OpType switch
        {
            "And" => Broadcast.Combine<BitwiseAndOperation<byte>, byte, byte, byte>(x, y, DataType.Bool, default),
            "Or" => Broadcast.Combine<BitwiseOrOperation<byte>, byte, byte, byte>(x, y, DataType.Bool, default),
            _ => Broadcast.Combine<XorOperation<byte>, byte, byte, byte>(x, y, DataType.Bool, default),
        });
    }
}

/// <summary>Not on a bool tensor: flipping the low bit of each 0/1 byte.</summary>
[Kernel("Not")]
public sealed class NotKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Bool)
        {
            throw ElementTypes.Unsupported(x.Type, "bool");
        }
        var result = Tensor.Create(DataType.Bool, (long[])x.Dims.Clone());
        TensorPrimitives.Xor(x.Span<byte>(), (byte)1, result.Span<byte>());
        context.SetOutput(0, result);
    }
}
