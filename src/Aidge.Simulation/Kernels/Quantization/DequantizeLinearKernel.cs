using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>DequantizeLinear: y = (x − x_zero_point) · x_scale in float32, per tensor, per axis or per block.</summary>
[Kernel("DequantizeLinear", SinceVersion = 10)]
public sealed class DequantizeLinearKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var zeroPoint = context.OptionalInput(2);
        if (zeroPoint is not null && zeroPoint.Length != scale.Length)
        {
            throw new ArgumentException($"x_zero_point {zeroPoint} and x_scale {scale} must have the same shape.");
        }
        var indices = QuantizationGranularity.ParameterIndices(x.Dims, scale.Dims, context.GetInt("axis", 1), context.GetInt("block_size", 0));
        var values = QuantizedValues.ToDoubles(x);
        var scales = QuantizedValues.ToDoubles(scale);
        var offsets = zeroPoint is null ? null : QuantizedValues.ToDoubles(zeroPoint);
        var y = Tensor.Create(DataType.Float, x.Dims);
        var output = y.Span<float>();
        for (int i = 0; i < values.Length; i++)
        {
            int p = indices[i];
            output[i] = (float)(values[i] - (offsets?[p] ?? 0)) * (float)scales[p];
        }
        var type = context.OutputType(0);
        context.SetOutput(0, type.IsHalfPrecision() ? HalfPrecision.Narrow(y, type) : y);
    }
}
