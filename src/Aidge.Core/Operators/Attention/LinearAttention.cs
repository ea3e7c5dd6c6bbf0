using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Attention;

/// <summary>
/// LinearAttention (27): recurrent linear attention over packed (B, T, H * d) inputs with a (B, H_kv, d_k, d_v)
/// state; output (B, T, H_q * d_v) and present_state shaped like the state.
/// </summary>
public sealed class LinearAttention : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("LinearAttention", 27).Inputs(3, 6).Outputs(1, 2)
            .Attr("chunk_size", AttributeKind.Int, 64L)
            .RequiredAttr("kv_num_heads", AttributeKind.Int)
            .RequiredAttr("q_num_heads", AttributeKind.Int)
            .Attr("scale", AttributeKind.Float, 0f)
            .Attr("update_rule", AttributeKind.String, "gated_delta")
            .Infer(Infer);
    }

    private static void Infer(InferenceContext ctx)
    {
        string rule = ctx.GetString("update_rule");
        if (rule is not ("linear" or "gated" or "delta" or "gated_delta"))
        {
            throw ctx.Fail($"update_rule must be linear, gated, delta or gated_delta, not '{rule}'.");
        }
        if (rule.StartsWith("gated", StringComparison.Ordinal) && !ctx.HasInput(4))
        {
            throw ctx.Fail($"update_rule {rule} needs the decay input.");
        }
        if (rule.EndsWith("delta", StringComparison.Ordinal) && !ctx.HasInput(5))
        {
            throw ctx.Fail($"update_rule {rule} needs the beta input.");
        }
        long queryHeads = ctx.GetInt("q_num_heads");
        long keyHeads = ctx.GetInt("kv_num_heads");
        if (keyHeads <= 0 || queryHeads <= 0 || queryHeads % keyHeads != 0)
        {
            throw ctx.Fail($"q_num_heads ({queryHeads}) must be a positive multiple of kv_num_heads ({keyHeads}).");
        }
        var query = ctx.InputShape(0);
        var key = ctx.InputShape(1);
        var value = ctx.InputShape(2);
        foreach (var shape in new[] { query, key, value })
        {
            if (shape is not null && shape.Rank != 3)
            {
                throw ctx.Fail($"query, key and value must be 3-D (batch, sequence, heads * head size), got rank {shape.Rank}.");
            }
        }
        Dim keySize = key?[2].Value is { } keyWidth ? keyWidth / keyHeads : Dim.Unknown;
        Dim valueSize = value?[2].Value is { } valueWidth ? valueWidth / keyHeads : Dim.Unknown;
        var batch = query?[0] ?? key?[0] ?? Dim.Unknown;
        ctx.SetOutput(0, ctx.InputElementType(0), new Shape([
            batch, query?[1] ?? Dim.Unknown, valueSize.Value is { } v ? Dim.Of(v * queryHeads) : Dim.Unknown]));
        if (ctx.HasOutput(1))
        {
            var stateType = ctx.HasInput(3) ? ctx.InputElementType(3) : ctx.InputElementType(0);
            ctx.SetOutput(1, stateType, new Shape([batch, keyHeads, keySize, valueSize]));
        }
    }
}
