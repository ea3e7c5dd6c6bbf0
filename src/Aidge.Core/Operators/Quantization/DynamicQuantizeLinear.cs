using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Quantization;

/// <summary>DynamicQuantizeLinear: x (float) to y (uint8) with the scale and zero point it computes from x's range.</summary>
public sealed class DynamicQuantizeLinearFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("DynamicQuantizeLinear", 11).Inputs(1).Outputs(3).Infer(ctx =>
        {
            ctx.SetOutput(0, DataType.UInt8, ctx.InputShape(0));
            ctx.SetOutput(1, DataType.Float, Shape.Scalar);
            ctx.SetOutput(2, DataType.UInt8, Shape.Scalar);
        });
}
