using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// The epilogue QConv and QGemm share: each int32 accumulator (channel on axis 1) through
/// <see cref="Requantization.Requantize"/> with its channel's multiplier and shift, into the output's uint8/int8.
/// </summary>
internal static class RequantizedOutput
{
    /// <summary>
    /// <paramref name="accumulators"/> hold exact integer sums (the double convolution and GEMM are exact below 2^53);
    /// one outside int32 would overflow the exported C code's accumulator, so the simulator refuses it.
    /// </summary>
    public static Tensor From(KernelContext context, DataType type, long[] dims, ReadOnlySpan<double> accumulators)
    {
        if (type is not (DataType.UInt8 or DataType.Int8))
        {
            throw new ArgumentException($"{context.Node.OpType} takes uint8 or int8 activations, got {type.OnnxName()}.");
        }
        var multipliers = context.GetInts("multiplier")!;
        var shifts = context.GetInts("shift")!;
        int channels = (int)dims[1];
        if (multipliers.Length != shifts.Length || (multipliers.Length != 1 && multipliers.Length != channels))
        {
            throw new ArgumentException($"{context.Node.OpType} has {multipliers.Length} multipliers and {shifts.Length} shifts for {channels} output channels.");
        }
        int plane = (int)Tensor.ElementCountOf(dims[2..]);
        int zeroPoint = (int)context.GetInt("y_zero_point");
        int min = (int)context.GetInt("y_min");
        int max = (int)context.GetInt("y_max");
        var result = Tensor.Create(type, dims);
        var bytes = result.Span<byte>();
        for (int i = 0; i < accumulators.Length; i++)
        {
            double sum = accumulators[i];
            if (sum < int.MinValue || sum > int.MaxValue)
            {
                throw new OverflowException($"{context.Node.OpType} accumulator {sum} overflows int32.");
            }
            int c = multipliers.Length == 1 ? 0 : i / plane % channels;
            // uint8 and int8 share the byte's two's-complement bits: truncating the clamped value stores either.
            bytes[i] = (byte)Requantization.Requantize((int)sum, (int)multipliers[c], (int)shifts[c], zeroPoint, min, max);
        }
        return result;
    }
}
