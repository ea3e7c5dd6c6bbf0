using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// ai.aidge QConv: the exact integer convolution of x − x_zero_point with the int8 weights plus the int32 bias, then
/// the integer requantization of <see cref="Requantization"/> per output channel.
/// </summary>
[Kernel("QConv", Domain = AidgeDomain.Name, WidenHalfPrecision = false)]
public sealed class QConvKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var accumulators = IntegerConvolution.Accumulate(context, x, Tensor.Scalar(context.GetInt("x_zero_point")), context.Input(1), null, context.OptionalInput(2));
        context.SetOutput(0, RequantizedOutput.From(context, x.Type, accumulators.Dims, accumulators.Span<double>()));
    }
}
