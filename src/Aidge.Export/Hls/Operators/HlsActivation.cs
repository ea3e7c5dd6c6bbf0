using Aidge.Core.Operators.Aidge;
using Aidge.Export.C;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// The C++ expression of an activation over a float expression, with the functions of aidge_hls_math.h: FusedConv's
/// and FusedGemm's epilogue, and the unary activation layers.
/// </summary>
public static class HlsActivation
{
    /// <summary>The activation of a fused ai.aidge node, or null for a plain Conv or Gemm.</summary>
    public static FusedActivation? Of(NodeContext node) => node.Node.Domain == AidgeDomain.Name ? FusedActivation.FromNode(node.Node) : null;

    /// <summary>
    /// The activation in the node's numbers: a fixed-point design has Relu alone (exact on fixed values, so the error
    /// bound holds); the other activations would need function approximations the bound does not cover.
    /// </summary>
    public static string Apply(NodeContext node, FusedActivation? activation, string x)
    {
        if (!HlsNumbers.Of(node).Fixed)
        {
            return Apply(activation, x);
        }
        return activation switch
        {
            null => x,
            { Kind: FusedActivationKind.Relu } => $"aidge_hls_relu_fixed({x})",
            { } a => throw node.Unsupported($"its fused {a.Kind} activation has no fixed-point form (only Relu does); remove the Precision metadata to compute in float"),
        };
    }

    public static string Apply(FusedActivation? activation, string x) => activation is not { } a ? x : a.Kind switch
    {
        FusedActivationKind.Relu => $"aidge_hls_relu({x})",
        FusedActivationKind.Clip => $"aidge_hls_clip({x}, {CLiteral.Float(a.Alpha)}, {CLiteral.Float(a.Beta)})",
        FusedActivationKind.LeakyRelu => $"aidge_hls_leaky_relu({x}, {CLiteral.Float(a.Alpha)})",
        FusedActivationKind.Sigmoid => $"aidge_hls_sigmoid({x})",
        FusedActivationKind.HardSigmoid => $"aidge_hls_hard_sigmoid({x}, {CLiteral.Float(a.Alpha)}, {CLiteral.Float(a.Beta)})",
        FusedActivationKind.HardSwish => $"aidge_hls_hard_swish({x})",
        FusedActivationKind.Swish => $"aidge_hls_swish({x})",
        FusedActivationKind.Tanh => $"aidge_hls_tanh({x})",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), a.Kind, "no HLS expression for this activation"),
    };
}
