using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Image;

/// <summary>NonMaxSuppression (opsets 10, 11): selected [batch, class, box] triples; how many depends on the data.</summary>
public sealed class NonMaxSuppression : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("NonMaxSuppression", 10).Inputs(2, 5).Outputs(1)
            .Attr("center_point_box", AttributeKind.Int, 0L)
            .Infer(ctx => ctx.SetOutput(0, DataType.Int64, new Shape(new[] { Dim.Unknown, Dim.Of(3) })));
}
