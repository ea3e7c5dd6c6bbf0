using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.MachineLearning;

/// <summary>Binarizer (ai.onnx.ml 1): 1 where an element is greater than <c>threshold</c>, else 0, in X's type.</summary>
public sealed class Binarizer : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("Binarizer", 1, MachineLearningDomain.Name).Inputs(1).Outputs(1)
            .Attr("threshold", AttributeKind.Float, 0f)
            .Infer(context => context.PropagateInput());
}
