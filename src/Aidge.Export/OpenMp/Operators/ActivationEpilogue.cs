using Aidge.Core.Operators.Aidge;
using Aidge.Export.C;

namespace Aidge.Export.OpenMp.Operators;

/// <summary>
/// The last three arguments of the GEMM and convolution helpers: the activation their kernels apply as they store
/// each output (<c>AIDGE_ACT_*</c> of aidge_activation_f32.c, then its two parameters). FusedConv and FusedGemm
/// pass theirs; Conv and Gemm pass <c>AIDGE_ACT_NONE</c>, which stores as before.
/// </summary>
public static class ActivationEpilogue
{
    public static IEnumerable<string> Arguments(NodeContext node)
    {
        if (node.Node.Domain != AidgeDomain.Name)
        {
            return ["AIDGE_ACT_NONE", "0.0f", "0.0f"];
        }
        var activation = FusedActivation.FromNode(node.Node);
        return [ConstantOf(activation.Kind), CLiteral.Float(activation.Alpha), CLiteral.Float(activation.Beta)];
    }

    private static string ConstantOf(FusedActivationKind kind) => kind switch
    {
        FusedActivationKind.Relu => "AIDGE_ACT_RELU",
        FusedActivationKind.Clip => "AIDGE_ACT_CLIP",
        FusedActivationKind.LeakyRelu => "AIDGE_ACT_LEAKY_RELU",
        FusedActivationKind.Sigmoid => "AIDGE_ACT_SIGMOID",
        FusedActivationKind.HardSigmoid => "AIDGE_ACT_HARD_SIGMOID",
        FusedActivationKind.HardSwish => "AIDGE_ACT_HARD_SWISH",
        FusedActivationKind.Swish => "AIDGE_ACT_SWISH",
        FusedActivationKind.Tanh => "AIDGE_ACT_TANH",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no C epilogue for this activation"),
    };
}
