using Aidge.Simulation.Kernels.Linear;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// QLinearMatMul: y = saturate(round((a − a_zp)·(b − b_zp) · a_scale·b_scale/y_scale) + y_zp), with per-tensor
/// parameters or a's per row and b's per column.
/// </summary>
[Kernel("QLinearMatMul", SinceVersion = 10)]
public sealed class QLinearMatMulKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var aScale = context.Input(1);
        var b = context.Input(3);
        var bScale = context.Input(4);
        var yScale = context.Input(6);
        var yZeroPoint = context.Input(7);
        var accumulators = QuantizedMatMul.Accumulate(a, context.Input(2), b, context.Input(5));
        var dims = accumulators.Dims;
        var values = accumulators.Span<double>();
        var aScales = QuantizedValues.ToDoubles(aScale);
        var bScales = QuantizedValues.ToDoubles(bScale);
        var aMap = BroadcastMap.SourceIndices(QuantizedValues.AlongAxis(aScale.Dims, QuantizedMatMul.RowAxis(a), a.Rank), dims);
        var bMap = BroadcastMap.SourceIndices(bScale.Dims, dims);
        double outputScale = yScale.GetDouble(0);
        double offset = yZeroPoint.GetDouble(0);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(values[i] * QuantizedValues.Multiplier(aScales[aMap[i]], bScales[bMap[i]], outputScale), MidpointRounding.ToEven) + offset;
        }
        context.SetOutput(0, QuantizedValues.Saturated(yZeroPoint.Type, dims, values));
    }
}
