using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// The convolution of ConvInteger and QLinearConv: zero-point-shifted input and weights (the weight zero point
/// scalar or per output channel) convolved in double, which holds every int32 accumulator exactly.
/// </summary>
internal static class IntegerConvolution
{
    public static Tensor Accumulate(KernelContext context, Tensor x, Tensor? xZeroPoint, Tensor w, Tensor? wZeroPoint, Tensor? bias)
    {
        var window = SlidingWindow.FromNode(context.Node, context.GetInts("kernel_shape") ?? w.Dims[2..]);
        var biasValues = bias is null ? default : QuantizedValues.ToDoubles(bias);
        return Convolution.Convolution.Forward<double>(DataType.Double, x, QuantizedValues.Shifted(x, xZeroPoint), w,
            QuantizedValues.Shifted(w, wZeroPoint, vectorAxis: 0), biasValues, window, (int)context.GetInt("group"));
    }
}
