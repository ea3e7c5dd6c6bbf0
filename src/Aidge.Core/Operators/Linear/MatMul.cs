using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Linear;

/// <summary>MatMul (numpy.matmul) and MatMulInteger ((A - a_zero_point)·(B - b_zero_point) in int32).</summary>
public sealed class MatMulFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("MatMul", 1).Inputs(2)
            .Infer(ctx => ctx.SetOutput(0, ctx.InputElementType(0), MatMulShapes.Infer(ctx, 0, 1)));
        registry.Add("MatMulInteger", 10).Inputs(2, 4)
            .Infer(ctx => ctx.SetOutput(0, DataType.Int32, MatMulShapes.Infer(ctx, 0, 1)));
    }
}
