using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Attention;

/// <summary>
/// Attention (opset 23; 24 adds nonpad_kv_seqlen). Q, K, V are 4-D [batch, heads, sequence, head size] or
/// 3-D [batch, sequence, heads * head size] with the head counts given as attributes.
/// </summary>
public sealed class Attention : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        Declare(registry.Add("Attention", 23).Until(23).Inputs(3, 6));
        Declare(registry.Add("Attention", 24).Inputs(3, 7));
    }

    private static void Declare(OpSchema schema) => schema.Outputs(1, 4)
        .Attr("is_causal", AttributeKind.Int, 0L)
        .Attr("kv_num_heads", AttributeKind.Int)
        .Attr("q_num_heads", AttributeKind.Int)
        .Attr("qk_matmul_output_mode", AttributeKind.Int, 0L)
        .Attr("scale", AttributeKind.Float)
        .Attr("softcap", AttributeKind.Float, 0f)
        .Attr("softmax_precision", AttributeKind.Int)
        .Infer(Infer);

    private static void Infer(InferenceContext ctx)
    {
        var element = ctx.InputElementType(0);
        var q = ctx.InputShape(0);
        var k = ctx.InputShape(1);
        var v = ctx.InputShape(2);
        if (q is null || k is null || v is null || q.Rank != k.Rank || q.Rank != v.Rank || q.Rank is not (3 or 4))
        {
            if (q is not null && q.Rank is not (3 or 4))
            {
                throw ctx.Fail($"Q must be 3-D or 4-D, got rank {q.Rank}.");
            }
            for (int i = 0; i < 4; i++)
            {
                ctx.SetOutput(i, i == 2 ? ctx.InputElementType(2) : element, null);
            }
            return;
        }
        bool packed = q.Rank == 3;
        Dim qHeads = packed ? Attribute(ctx, "q_num_heads") : q[1];
        Dim kvHeads = packed ? Attribute(ctx, "kv_num_heads") : k[1];
        Dim querySequence = packed ? q[1] : q[2];
        Dim kvSequence = packed ? k[1] : k[2];
        Dim headSize = packed ? Divide(k[2], kvHeads) : k[3];
        Dim valueHeadSize = packed ? Divide(v[2], kvHeads) : v[3];
        Dim past = ctx.InputShape(4) is { Rank: 4 } pastKey ? pastKey[2] : ctx.HasInput(4) ? Dim.Unknown : Dim.Of(0);
        Dim total = Add(past, kvSequence);
        ctx.SetOutput(0, element, packed
            ? new Shape(new Dim[] { q[0], querySequence, Multiply(qHeads, valueHeadSize) })
            : new Shape(new Dim[] { q[0], qHeads, querySequence, valueHeadSize }));
        ctx.SetOutput(1, element, new Shape(new Dim[] { q[0], kvHeads, total, headSize }));
        ctx.SetOutput(2, ctx.InputElementType(2), new Shape(new Dim[] { q[0], kvHeads, total, valueHeadSize }));
        ctx.SetOutput(3, element, new Shape(new Dim[] { q[0], qHeads, querySequence, total }));
    }

    private static Dim Attribute(InferenceContext ctx, string name) =>
        ctx.Node.FindAttribute(name)?.AsInt() is long value ? Dim.Of(value) : throw ctx.Fail($"3-D inputs need attribute '{name}'.");

    private static Dim Divide(Dim a, Dim b) => a.IsKnown && b.IsKnown && b.Value != 0 ? Dim.Of(a.Value!.Value / b.Value!.Value) : Dim.Unknown;

    private static Dim Multiply(Dim a, Dim b) => a.IsKnown && b.IsKnown ? Dim.Of(a.Value!.Value * b.Value!.Value) : Dim.Unknown;

    private static Dim Add(Dim a, Dim b) => a.IsKnown && b.IsKnown ? Dim.Of(a.Value!.Value + b.Value!.Value) : Dim.Unknown;
}
