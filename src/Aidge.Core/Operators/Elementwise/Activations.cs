using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Elementwise;

/// <summary>Activations with attributes (slopes, thresholds, approximation mode); the output has the input's type and shape.</summary>
public sealed class Activations : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        Unary(registry, "LeakyRelu", 1).Attr("alpha", AttributeKind.Float, 0.01f);
        Unary(registry, "Elu", 1).Attr("alpha", AttributeKind.Float, 1.0f);
        Unary(registry, "Celu", 12).Attr("alpha", AttributeKind.Float, 1.0f);
        Unary(registry, "ThresholdedRelu", 10).Attr("alpha", AttributeKind.Float, 1.0f);
        Unary(registry, "Swish", 24).Attr("alpha", AttributeKind.Float, 1.0f);
        Unary(registry, "HardSigmoid", 1).Attr("alpha", AttributeKind.Float, 0.2f).Attr("beta", AttributeKind.Float, 0.5f);
        Unary(registry, "Shrink", 9).Attr("bias", AttributeKind.Float, 0.0f).Attr("lambd", AttributeKind.Float, 0.5f);
        Unary(registry, "Gelu", 20).Attr("approximate", AttributeKind.String, "none");

        // Selu-6 gave its defaults full float precision; Selu-1 documented them rounded.
        Unary(registry, "Selu", 1).Until(5).Attr("alpha", AttributeKind.Float, 1.6732f).Attr("gamma", AttributeKind.Float, 1.0507f);
        Unary(registry, "Selu", 6).Attr("alpha", AttributeKind.Float, 1.67326319217681884765625f).Attr("gamma", AttributeKind.Float, 1.05070102214813232421875f);

        // The slope broadcasts to X (unidirectionally), so the output keeps X's shape.
        registry.Add("PRelu", 1).Inputs(2).Outputs(1).Infer(ElementwiseInference.SameAsInput);
    }

    private static OpSchema Unary(OperatorRegistry registry, string opType, int since) =>
        registry.Add(opType, since).Inputs(1).Outputs(1).Infer(ElementwiseInference.SameAsInput);
}
