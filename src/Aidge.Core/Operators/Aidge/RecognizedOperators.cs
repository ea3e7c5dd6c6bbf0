using Aidge.Core.Graphs;
using Aidge.Core.Operators.Elementwise;
using Aidge.Core.Operators.Normalization;

namespace Aidge.Core.Operators.Aidge;

/// <summary>
/// LayerNormalization and Gelu in the ai.aidge domain: what the recognition passes turn decomposed chains into. They
/// mean exactly ONNX LayerNormalization-17 (output Y only) and Gelu-20, so a model of any opset can use them; the
/// inference functions are the ONNX operators' own, so the two can never drift apart.
/// </summary>
public sealed class RecognizedOperators : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        registry.Add("LayerNormalization", AidgeDomain.Version, AidgeDomain.Name).Inputs(2, 3).Outputs(1)
            .Attr("axis", AttributeKind.Int, -1L)
            .Attr("epsilon", AttributeKind.Float, 1e-5f)
            .Attr("stash_type", AttributeKind.Int, 1L)
            .Infer(LayerNormalization.Infer);
        registry.Add("Gelu", AidgeDomain.Version, AidgeDomain.Name).Inputs(1).Outputs(1)
            .Attr("approximate", AttributeKind.String, "none")
            .Infer(ElementwiseInference.SameAsInput);
    }
}
