using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Convolution;

/// <summary>
/// CausalConvWithState: a depthwise causal 1-D convolution over (B, C, L) with weights (C, 1, k), carrying the
/// last k - 1 positions over as present_state (B, C, k - 1).
/// </summary>
public sealed class CausalConvWithState : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("CausalConvWithState", 27).Inputs(2, 4).Outputs(1, 2)
            .Attr("activation", AttributeKind.String, "none")
            .Infer(Infer);
    }

    private static void Infer(InferenceContext ctx)
    {
        string activation = ctx.GetString("activation");
        if (activation is not ("none" or "silu" or "swish"))
        {
            throw ctx.Fail($"activation must be none, silu or swish, not '{activation}'.");
        }
        var input = ctx.InputShape(0);
        var weight = ctx.InputShape(1);
        if ((input is not null && input.Rank != 3) || (weight is not null && weight.Rank != 3))
        {
            throw ctx.Fail("input and weight must be rank 3: (batch, channels, length) and (channels, 1, k).");
        }
        ctx.PropagateInput();
        if (ctx.HasOutput(1))
        {
            var state = new Shape([
                input?[0] ?? Dim.Unknown,
                input?[1] ?? weight?[0] ?? Dim.Unknown,
                weight?[2].Value is { } k ? Dim.Of(k - 1) : Dim.Unknown]);
            ctx.SetOutput(1, ctx.InputElementType(0), state);
        }
    }
}
