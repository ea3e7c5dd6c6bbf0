using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// QuantizeLinear: y = saturate(round(x / y_scale) + y_zero_point), ties to even, per tensor, per axis or per block.
/// The division runs in float32, the precision of the scale (or double when the precision attribute asks for it).
/// </summary>
[Kernel("QuantizeLinear", SinceVersion = 10)]
public sealed class QuantizeLinearKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var zeroPoint = context.OptionalInput(2);
        var type = context.OutputType(0);
        if (type == DataType.Undefined)
        {
            type = zeroPoint?.Type ?? DataType.UInt8;
        }
        if (zeroPoint is not null && zeroPoint.Length != scale.Length)
        {
            throw new ArgumentException($"y_zero_point {zeroPoint} and y_scale {scale} must have the same shape.");
        }
        var indices = QuantizationGranularity.ParameterIndices(x.Dims, scale.Dims, context.GetInt("axis", 1), context.GetInt("block_size", 0));
        var values = QuantizedValues.ToDoubles(x);
        var scales = QuantizedValues.ToDoubles(scale);
        var offsets = zeroPoint is null ? null : QuantizedValues.ToDoubles(zeroPoint);
        bool inDouble = context.GetInt("precision", 0) == (long)DataType.Double;
        for (int i = 0; i < values.Length; i++)
        {
            int p = indices[i];
            double quotient = inDouble ? values[i] / scales[p] : (float)values[i] / (float)scales[p];
            values[i] = Math.Round(quotient, MidpointRounding.ToEven) + (offsets?[p] ?? 0);
        }
        context.SetOutput(0, QuantizedValues.Saturated(type, x.Dims, values));
    }
}
