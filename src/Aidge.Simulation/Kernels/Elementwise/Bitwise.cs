using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Elementwise;

/// <summary>BitwiseAnd, BitwiseOr and BitwiseXor on integers of one type, with broadcasting, vectorized.</summary>
[Kernel("BitwiseAnd", SinceVersion = 18)]
[Kernel("BitwiseOr", SinceVersion = 18)]
[Kernel("BitwiseXor", SinceVersion = 18)]
public sealed class BitwiseKernel : IntegerBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context) => context.Node.OpType switch
    {
        "BitwiseAnd" => Broadcast.Combine<BitwiseAndOperation<T>, T, T, T>(x, y, x.Type, default),
        "BitwiseOr" => Broadcast.Combine<BitwiseOrOperation<T>, T, T, T>(x, y, x.Type, default),
        _ => Broadcast.Combine<XorOperation<T>, T, T, T>(x, y, x.Type, default),
    };
}

[Kernel("BitwiseNot", SinceVersion = 18)]
public sealed class BitwiseNotKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        context.SetOutput(0, ElementTypes.Integer<Complement, Tensor>(x.Type, new(x)));
    }

    private readonly struct Complement(Tensor x) : IIntegerFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        {
            var result = Tensor.Create(x.Type, (long[])x.Dims.Clone());
            TensorPrimitives.OnesComplement<T>(x.Span<T>(), result.Span<T>());
            return result;
        }
    }
}

/// <summary>
/// BitShift on unsigned integers, direction LEFT or RIGHT. Shifting by the bit width or more gives 0 (as numpy
/// does), where .NET would take the count modulo the width.
/// </summary>
[Kernel("BitShift", SinceVersion = 11)]
public sealed class BitShiftKernel : IntegerBinaryKernel
{
    protected override Tensor Apply<T>(Tensor x, Tensor y, KernelContext context)
    {
        if (!x.Type.IsUnsignedInteger())
        {
            throw ElementTypes.Unsupported(x.Type, "an unsigned integer type");
        }
        return context.GetString("direction") switch
        {
            "LEFT" => Broadcast.Combine<PerElement<Shift<T>, T, T, T>, T, T, T>(x, y, x.Type, new(new(left: true))),
            "RIGHT" => Broadcast.Combine<PerElement<Shift<T>, T, T, T>, T, T, T>(x, y, x.Type, new(new(left: false))),
            var other => throw new ArgumentException($"BitShift direction must be LEFT or RIGHT, got '{other}'."),
        };
    }

    private readonly struct Shift<T>(bool left) : IBinaryFunction<T, T, T>
        where T : IBinaryInteger<T>
    {
        public T Invoke(T x, T y)
        {
            if (y >= T.CreateTruncating(Unsafe.SizeOf<T>() * 8))
            {
                return T.Zero;
            }
            int count = int.CreateTruncating(y);
            return left ? x << count : x >> count;
        }
    }
}
