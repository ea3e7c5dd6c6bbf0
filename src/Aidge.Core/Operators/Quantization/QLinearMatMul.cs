using Aidge.Core.Operators.Linear;

namespace Aidge.Core.Operators.Quantization;

/// <summary>QLinearMatMul: a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point; y has y_zero_point's type.</summary>
public sealed class QLinearMatMulFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("QLinearMatMul", 10).Inputs(8)
            .Infer(ctx => ctx.SetOutput(0, ctx.InputElementType(7), MatMulShapes.Infer(ctx, 0, 3)));
}
