using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>ConvInteger: conv(x − x_zero_point, w − w_zero_point) in int32.</summary>
[Kernel("ConvInteger", SinceVersion = 10)]
public sealed class ConvIntegerKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var accumulators = IntegerConvolution.Accumulate(context, context.Input(0), context.OptionalInput(2), context.Input(1), context.OptionalInput(3), bias: null);
        context.SetOutput(0, QuantizedValues.Saturated(DataType.Int32, accumulators.Dims, accumulators.Span<double>()));
    }
}
