using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Linear;

/// <summary>numpy.matmul shape rules, shared by MatMul, MatMulInteger and QLinearMatMul.</summary>
internal static class MatMulShapes
{
    /// <summary>
    /// A 1-D left operand is a row vector and a 1-D right operand a column vector, each dropped from the result;
    /// the batch dims (all but the last two) broadcast.
    /// </summary>
    public static Shape? Infer(InferenceContext ctx, int left, int right)
    {
        var a = ctx.InputShape(left);
        var b = ctx.InputShape(right);
        if (a is null || b is null)
        {
            return null;
        }
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw ctx.Fail("MatMul operands cannot be scalars.");
        }
        Dim k1 = a[a.Rank - 1];
        Dim k2 = b.Rank == 1 ? b[0] : b[b.Rank - 2];
        if (k1.IsKnown && k2.IsKnown && k1.Value != k2.Value)
        {
            throw ctx.Fail($"inner dims {k1} and {k2} differ.");
        }
        var batchA = new Shape(a.Take(Math.Max(0, a.Rank - 2)));
        var batchB = new Shape(b.Take(Math.Max(0, b.Rank - 2)));
        var dims = ShapeMath.Broadcast(batchA, batchB)!.ToList();
        if (a.Rank >= 2)
        {
            dims.Add(a[a.Rank - 2]);
        }
        if (b.Rank >= 2)
        {
            dims.Add(b[b.Rank - 1]);
        }
        return new Shape(dims);
    }
}
