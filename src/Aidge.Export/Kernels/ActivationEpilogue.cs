using Aidge.Core.Operators.Aidge;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// The last three arguments of the GEMM and convolution helpers of every target: the activation their kernels apply
/// as they store each output (an <c>AIDGE_ACT_*</c> constant, then its two parameters). FusedConv and FusedGemm pass
/// theirs; Conv and Gemm pass <c>AIDGE_ACT_NONE</c>, which stores as before. The constants' numbers are decided
/// here: the CUDA target writes them from <see cref="Constants"/>, and OpenMp/Runtime/aidge_activation_f32.c spells
/// the same ones.
/// </summary>
public static class ActivationEpilogue
{
    /// <summary>Each constant in number order: AIDGE_ACT_NONE is 0, then one per <see cref="FusedActivationKind"/>.</summary>
    private static readonly (FusedActivationKind? Kind, string Name)[] Numbering =
    [
        (null, "AIDGE_ACT_NONE"),
        (FusedActivationKind.Relu, "AIDGE_ACT_RELU"),
        (FusedActivationKind.Clip, "AIDGE_ACT_CLIP"),
        (FusedActivationKind.LeakyRelu, "AIDGE_ACT_LEAKY_RELU"),
        (FusedActivationKind.Sigmoid, "AIDGE_ACT_SIGMOID"),
        (FusedActivationKind.HardSigmoid, "AIDGE_ACT_HARD_SIGMOID"),
        (FusedActivationKind.HardSwish, "AIDGE_ACT_HARD_SWISH"),
        (FusedActivationKind.Swish, "AIDGE_ACT_SWISH"),
        (FusedActivationKind.Tanh, "AIDGE_ACT_TANH"),
    ];

    /// <summary>The <c>#define</c>s of the constants, for a call's <see cref="KernelCall.Tables"/> (written before its helper).</summary>
    public static readonly CHelper Constants = new ActivationConstants();

    public static IEnumerable<string> Arguments(NodeContext node)
    {
        if (node.Node.Domain != AidgeDomain.Name)
        {
            return [ConstantOf(null), "0.0f", "0.0f"];
        }
        var activation = FusedActivation.FromNode(node.Node);
        return [ConstantOf(activation.Kind), CLiteral.Float(activation.Alpha), CLiteral.Float(activation.Beta)];
    }

    /// <summary>The constant naming <paramref name="kind"/> (null: no activation).</summary>
    public static string ConstantOf(FusedActivationKind? kind) =>
        Numbering.FirstOrDefault(n => n.Kind == kind).Name ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "no epilogue constant for this activation");

    private sealed record ActivationConstants : CHelper
    {
        public override string Name => "aidge_activation_constants";

        public override string Code()
        {
            var w = new CSourceWriter();
            w.Comment("The activation a GEMM or convolution applies as it stores (ai.aidge FusedConv and FusedGemm).");
            for (int i = 0; i < Numbering.Length; i++)
            {
                w.Line($"#define {Numbering[i].Name} {i}");
            }
            return w.ToString();
        }
    }
}
