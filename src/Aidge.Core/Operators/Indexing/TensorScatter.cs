using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Indexing;

/// <summary>
/// TensorScatter (KV-cache update): writes update into a copy of past_cache along the sequence axis, at a
/// per-batch write index; the result has past_cache's type and shape.
/// </summary>
public sealed class TensorScatter : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("TensorScatter", 24).Inputs(2, 3).Outputs(1)
            .Attr("axis", AttributeKind.Int, -2L)
            .Attr("mode", AttributeKind.String, "linear")
            .Infer(ctx =>
            {
                string mode = ctx.GetString("mode");
                if (mode is not ("linear" or "circular"))
                {
                    throw ctx.Fail($"mode must be linear or circular, not '{mode}'.");
                }
                if (ctx.InputShape(0) is { } past && ShapeMath.NormalizeAxis(ctx.GetInt("axis"), past.Rank) == 0)
                {
                    throw ctx.Fail("axis cannot be the batch axis 0.");
                }
                ctx.PropagateInput();
            });
    }
}
