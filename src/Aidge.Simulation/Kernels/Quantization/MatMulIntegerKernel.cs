using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Linear;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>MatMulInteger: (A − a_zero_point)·(B − b_zero_point) in int32; a_zero_point may be per row, b_zero_point per column.</summary>
[Kernel("MatMulInteger", SinceVersion = 10)]
public sealed class MatMulIntegerKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var accumulators = QuantizedMatMul.Accumulate(context.Input(0), context.OptionalInput(2), context.Input(1), context.OptionalInput(3));
        context.SetOutput(0, QuantizedValues.Saturated(DataType.Int32, accumulators.Dims, accumulators.Span<double>()));
    }
}

/// <summary>The exact integer matrix product of zero-point-shifted operands, run on the double GEMM.</summary>
internal static class QuantizedMatMul
{
    public static Tensor Accumulate(Tensor a, Tensor? aZeroPoint, Tensor b, Tensor? bZeroPoint) =>
        BatchedMatMul.Run<double>(DataType.Double, a.Dims, QuantizedValues.Shifted(a, aZeroPoint, RowAxis(a)), b.Dims, QuantizedValues.Shifted(b, bZeroPoint));

    /// <summary>The axis of a left operand's rows, along which a 1-D per-row parameter lies.</summary>
    public static int? RowAxis(Tensor a) => a.Rank >= 2 ? a.Rank - 2 : null;
}
