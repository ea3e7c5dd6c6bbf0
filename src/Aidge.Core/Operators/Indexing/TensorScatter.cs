using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Indexing;

/// <summary>TensorScatter (opset 24): a KV-cache update, the cache with each batch entry's update written at its write index.</summary>
public sealed class TensorScatterFamily : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("TensorScatter", 24).Inputs(2, 3).Outputs(1)
            .Attr("axis", AttributeKind.Int, -2L)
            .Attr("mode", AttributeKind.String, "linear")
            .Infer(context => context.PropagateInput());
}
