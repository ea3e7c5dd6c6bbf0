using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// DynamicQuantizeLinear: uint8 quantization of x over its own range widened to include 0:
/// scale = (max(x, 0) − min(x, 0)) / 255, zero_point = saturate(round(−min / scale)), y = saturate(round(x / scale) + zero_point).
/// </summary>
[Kernel("DynamicQuantizeLinear", SinceVersion = 11)]
public sealed class DynamicQuantizeLinearKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Float)
        {
            throw new NotSupportedException($"DynamicQuantizeLinear does not support {x.Type.OnnxName()} tensors.");
        }
        var input = x.Span<float>();
        float min = 0;
        float max = 0;
        foreach (float value in input)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        float scale = (max - min) / 255f;
        // An all-zero input has no range: every value, and the zero point, quantize to 0.
        double zeroPoint = scale == 0 ? 0 : Math.Clamp(Math.Round(-min / scale, MidpointRounding.ToEven), 0, 255);
        var values = new double[input.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = scale == 0 ? 0 : Math.Round(input[i] / scale, MidpointRounding.ToEven) + zeroPoint;
        }
        context.SetOutput(0, QuantizedValues.Saturated(DataType.UInt8, x.Dims, values));
        context.SetOutput(1, Tensor.FromSpan<float>(DataType.Float, [], [scale]));
        context.SetOutput(2, Tensor.FromSpan<byte>(DataType.UInt8, [], [(byte)zeroPoint]));
    }
}
