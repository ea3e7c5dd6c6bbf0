using Aidge.Core.Operators.Signal;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Elementwise;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Signal;

/// <summary>
/// The generalized cosine windows w[n] = a0 − a1·cos(2πn/D) + a2·cos(4πn/D), where D is the size when the window
/// is periodic and size − 1 when symmetric; computed in double and converted to output_datatype like Cast.
/// </summary>
[Kernel("HannWindow", SinceVersion = 17, WidenHalfPrecision = false)]
[Kernel("HammingWindow", SinceVersion = 17, WidenHalfPrecision = false)]
[Kernel("BlackmanWindow", SinceVersion = 17, WidenHalfPrecision = false)]
public sealed class WindowKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        long size = context.Input(0).GetInt64(0);
        if (size < 0)
        {
            throw new ArgumentException($"A window cannot have {size} values.");
        }
        double[] coefficients = context.Node.OpType switch
        {
            "HannWindow" => [0.5, 0.5],
            "HammingWindow" => [25.0 / 46, 21.0 / 46],
            _ => [0.42, 0.5, 0.08],
        };
        // A one-value symmetric window would divide by zero; it is the window's value at n = 0.
        double period = Math.Max(context.GetInt("periodic") != 0 ? size : size - 1, 1);
        var values = new double[size];
        for (int n = 0; n < values.Length; n++)
        {
            double sum = 0;
            for (int k = 0; k < coefficients.Length; k++)
            {
                double term = coefficients[k] * Math.Cos(2 * Math.PI * k * n / period);
                sum += k % 2 == 0 ? term : -term;
            }
            values[n] = sum;
        }
        var window = Tensor.FromSpan<double>(DataType.Double, [size], values);
        context.SetOutput(0, ElementConversion.Convert(window, OutputDataType.Of(context.GetInt(OutputDataType.Attribute))));
    }
}
