using Aidge.Core.Graphs;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Operators.Linear;

namespace Aidge.Core.Operators.Aidge;

/// <summary>
/// FusedConv and FusedGemm (ai.aidge, version 1): ONNX Conv and Gemm with their inputs, attributes and inference,
/// plus an activation applied to every output element (<see cref="FusedActivation"/>). The fuse-activations pass
/// writes them; inference validates the activation, so a malformed one fails at import rather than in a backend.
/// </summary>
public sealed class FusedOperators : IOperatorFamily
{
    public void Register(OperatorRegistry registry)
    {
        WithActivation(ConvFamily.WindowAttributes(registry.Add("FusedConv", AidgeDomain.Version, AidgeDomain.Name).Inputs(2, 3)), ConvFamily.InferConv);
        var gemm = GemmFamily.Attributes(registry.Add("FusedGemm", AidgeDomain.Version, AidgeDomain.Name).Inputs(2, 3));
        WithActivation(gemm, gemm.Inference!);
    }

    private static void WithActivation(OpSchema schema, Action<InferenceContext> inferUnfused) => schema
        .RequiredAttr(FusedActivation.ActivationAttribute, AttributeKind.String)
        .Attr(FusedActivation.ParametersAttribute, AttributeKind.Floats)
        .Infer(ctx =>
        {
            FusedActivation.FromNode(ctx.Node);
            inferUnfused(ctx);
        });
}
