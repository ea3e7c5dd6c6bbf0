using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Linear;

/// <summary>Gemm: Y = alpha·op(A)·op(B) + beta·C, C unidirectionally broadcast to (M, N); C optional from opset 11.</summary>
public sealed class GemmFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        // Opsets 1-6 also carry 'broadcast', which only permitted what later versions always allow.
        Attributes(registry.Add("Gemm", 1).Until(10).Inputs(3)).Attr("broadcast", AttributeKind.Int, 0L);
        Attributes(registry.Add("Gemm", 11).Inputs(2, 3));
    }

    /// <summary>Gemm's attributes and inference (FusedGemm shares both).</summary>
    internal static OpSchema Attributes(OpSchema schema) => schema
        .Attr("alpha", AttributeKind.Float, 1f)
        .Attr("beta", AttributeKind.Float, 1f)
        .Attr("transA", AttributeKind.Int, 0L)
        .Attr("transB", AttributeKind.Int, 0L)
        .Infer(Infer);

    private static void Infer(InferenceContext ctx) =>
        ctx.SetOutput(0, ctx.InputElementType(0), OutputShape(ctx, ctx.GetInt("transA") != 0, ctx.GetInt("transB") != 0));

    /// <summary>(M, N) of op(A)·op(B) from inputs 0 and 1, or null while either shape is unknown. QGemm shares it.</summary>
    internal static Shape? OutputShape(InferenceContext ctx, bool transA, bool transB)
    {
        var a = ctx.InputShape(0);
        var b = ctx.InputShape(1);
        if (a is null || b is null)
        {
            return null;
        }
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw ctx.Fail($"A and B must be 2-D, got ranks {a.Rank} and {b.Rank}.");
        }
        return new Shape(new[] { a[transA ? 1 : 0], b[transB ? 0 : 1] });
    }
}
