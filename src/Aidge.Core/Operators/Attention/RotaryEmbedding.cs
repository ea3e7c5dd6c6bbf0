using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Attention;

/// <summary>RotaryEmbedding (opset 23): rotates pairs of each head's features; the output has the input's shape.</summary>
public sealed class RotaryEmbedding : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("RotaryEmbedding", 23).Inputs(3, 4).Outputs(1)
            .Attr("interleaved", AttributeKind.Int, 0L)
            .Attr("num_heads", AttributeKind.Int)
            .Attr("rotary_embedding_dim", AttributeKind.Int, 0L)
            .Infer(ctx => ctx.PropagateInput());
}
