using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Linear;

/// <summary>MatMul: numpy.matmul semantics (batched, broadcast, 1-D operands).</summary>
[Kernel("MatMul", SinceVersion = 1)]
public sealed class MatMulKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        context.SetOutput(0, a.Type switch
        {
            DataType.Float => BatchedMatMul.Run(a.Type, a.Dims, a.Span<float>(), b.Dims, b.Span<float>()),
            DataType.Double => BatchedMatMul.Run(a.Type, a.Dims, a.Span<double>(), b.Dims, b.Span<double>()),
            DataType.Int32 => BatchedMatMul.Run(a.Type, a.Dims, a.Span<int>(), b.Dims, b.Span<int>()),
            DataType.Int64 => BatchedMatMul.Run(a.Type, a.Dims, a.Span<long>(), b.Dims, b.Span<long>()),
            DataType.UInt32 => BatchedMatMul.Run(a.Type, a.Dims, a.Span<uint>(), b.Dims, b.Span<uint>()),
            DataType.UInt64 => BatchedMatMul.Run(a.Type, a.Dims, a.Span<ulong>(), b.Dims, b.Span<ulong>()),
            _ => throw new NotSupportedException($"MatMul does not support {a.Type.OnnxName()} tensors."),
        });
    }
}
