using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>Clip: bounds were attributes until opset 10 (without defaults before 6), optional scalar inputs since 11.</summary>
public sealed class Clip : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("Clip", 1).Until(5).Inputs(1).Outputs(1)
            .Attr("min", AttributeKind.Float).Attr("max", AttributeKind.Float)
            .Infer(ElementwiseInference.SameAsInput);
        registry.Add("Clip", 6).Until(10).Inputs(1).Outputs(1)
            .Attr("min", AttributeKind.Float, float.MinValue).Attr("max", AttributeKind.Float, float.MaxValue)
            .Infer(ElementwiseInference.SameAsInput);
        registry.Add("Clip", 11).Inputs(1, 3).Outputs(1).Infer(ElementwiseInference.SameAsInput);
    }
}
