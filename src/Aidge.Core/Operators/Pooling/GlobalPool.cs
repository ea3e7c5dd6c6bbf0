using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Pooling;

/// <summary>GlobalAveragePool, GlobalMaxPool and GlobalLpPool: (N, C, D...) pooled to (N, C, 1...).</summary>
public sealed class GlobalPoolFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("GlobalAveragePool", 1).Inputs(1).Infer(Infer);
        registry.Add("GlobalMaxPool", 1).Inputs(1).Infer(Infer);
        // GlobalLpPool-1 took p as a float; from opset 2 it is an int.
        registry.Add("GlobalLpPool", 1).Until(1).Inputs(1).Attr("p", AttributeKind.Float, 2f).Infer(Infer);
        registry.Add("GlobalLpPool", 2).Inputs(1).Attr("p", AttributeKind.Int, 2L).Infer(Infer);
    }

    private static void Infer(InferenceContext ctx)
    {
        var x = ctx.InputShape(0);
        if (x is not null && x.Rank < 2)
        {
            throw ctx.Fail($"the input needs rank 2 or more, got {x.Rank}.");
        }
        var shape = x is null ? null : new Shape(x.Take(2).Concat(Enumerable.Repeat(Dim.Of(1), x.Rank - 2)));
        ctx.SetOutput(0, ctx.InputElementType(0), shape);
    }
}
