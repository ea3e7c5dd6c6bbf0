using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// QLinearConv: y = saturate(round((conv(x − x_zp, w − w_zp) + B) · x_scale·w_scale/y_scale) + y_zp), the weight
/// scale and zero point per tensor or per output channel, B an int32 bias at scale x_scale·w_scale.
/// </summary>
[Kernel("QLinearConv", SinceVersion = 10)]
public sealed class QLinearConvKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(3);
        var wScale = context.Input(4);
        var yZeroPoint = context.Input(7);
        var accumulators = IntegerConvolution.Accumulate(context, x, context.Input(2), w, context.Input(5), context.OptionalInput(8));
        var dims = accumulators.Dims;
        var values = accumulators.Span<double>();
        int channels = (int)dims[1];
        int plane = values.Length / Math.Max(1, (int)dims[0] * channels);
        var weightScales = QuantizedValues.ToDoubles(wScale);
        if (weightScales.Length != 1 && weightScales.Length != channels)
        {
            throw new ArgumentException($"w_scale has {weightScales.Length} values for {channels} output channels.");
        }
        double inputScale = context.Input(1).GetDouble(0);
        double outputScale = context.Input(6).GetDouble(0);
        double offset = yZeroPoint.GetDouble(0);
        for (int i = 0; i < values.Length; i++)
        {
            double weightScale = weightScales[weightScales.Length == 1 ? 0 : i / plane % channels];
            values[i] = Math.Round(values[i] * QuantizedValues.Multiplier(inputScale, weightScale, outputScale), MidpointRounding.ToEven) + offset;
        }
        context.SetOutput(0, QuantizedValues.Saturated(yZeroPoint.Type, dims, values));
    }
}
