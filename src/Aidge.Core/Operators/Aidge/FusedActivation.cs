using System.Globalization;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;

namespace Aidge.Core.Operators.Aidge;

/// <summary>The activations a FusedConv or FusedGemm applies to each output element, with their parameter counts.</summary>
public enum FusedActivationKind
{
    /// <summary>max(x, 0); no parameters.</summary>
    Relu,

    /// <summary>min(max(x, min), max); parameters [min, max] (Relu6 is [0, 6]).</summary>
    Clip,

    /// <summary>x below 0 scaled by alpha; parameters [alpha].</summary>
    LeakyRelu,

    /// <summary>1 / (1 + e^-x); no parameters.</summary>
    Sigmoid,

    /// <summary>clamp(alpha·x + beta, 0, 1); parameters [alpha, beta].</summary>
    HardSigmoid,

    /// <summary>x · clamp(x / 6 + 1/2, 0, 1); no parameters.</summary>
    HardSwish,

    /// <summary>x · sigmoid(x) (SiLU); no parameters.</summary>
    Swish,

    /// <summary>tanh(x); no parameters.</summary>
    Tanh,
}

/// <summary>
/// The activation of a fused ai.aidge operator, read from its <c>activation</c> (string) and <c>activation_params</c>
/// (floats) attributes. <see cref="Apply"/> is the simulator's arithmetic; the OpenMP exporter writes the same
/// formulas in C (same operations in the same order, and the same libm exp/tanh), so both agree bit for bit except
/// where the C compiler contracts a multiply-add. Every formula propagates NaN, as the unfused ONNX operators do.
/// </summary>
public sealed record FusedActivation(FusedActivationKind Kind, float Alpha = 0f, float Beta = 0f)
{
    public const string ActivationAttribute = "activation";

    public const string ParametersAttribute = "activation_params";

    /// <summary>HardSwish's slope: 1/6 rounded to float once, as the HardSwish kernel computes it.</summary>
    public const float HardSwishSlope = 1f / 6f;

    /// <summary>The name written in the <c>activation</c> attribute.</summary>
    public string Name => Kind.ToString();

    /// <summary>The <c>activation_params</c> values, in the contract's order.</summary>
    public float[] Parameters => ParameterCount(Kind) switch
    {
        0 => [],
        1 => [Alpha],
        _ => [Alpha, Beta],
    };

    public static FusedActivation Clip(float min, float max) => new(FusedActivationKind.Clip, min, max);

    public static FusedActivation LeakyRelu(float alpha) => new(FusedActivationKind.LeakyRelu, alpha);

    public static FusedActivation HardSigmoid(float alpha, float beta) => new(FusedActivationKind.HardSigmoid, alpha, beta);

    /// <summary>How many <c>activation_params</c> the activation takes.</summary>
    public static int ParameterCount(FusedActivationKind kind) => kind switch
    {
        FusedActivationKind.Clip or FusedActivationKind.HardSigmoid => 2,
        FusedActivationKind.LeakyRelu => 1,
        _ => 0,
    };

    /// <summary>
    /// Reads and validates a fused node's activation. Throws AIDGE2020 naming the node when the name is unknown or
    /// the parameter count is wrong: such a node never comes from our passes, only from a hand-edited model.
    /// </summary>
    public static FusedActivation FromNode(Node node)
    {
        string name = node.FindAttribute(ActivationAttribute)?.AsString()
            ?? throw Invalid(node, $"needs the '{ActivationAttribute}' attribute (one of {KnownNames}).");
        if (!Enum.TryParse<FusedActivationKind>(name, ignoreCase: false, out var kind) || name != kind.ToString())
        {
            throw Invalid(node, $"has activation '{name}', which is not one of {KnownNames}.");
        }
        float[] parameters = node.GetFloats(ParametersAttribute) ?? [];
        int expected = ParameterCount(kind);
        if (parameters.Length != expected)
        {
            throw Invalid(node, $"activation {name} takes {expected} {ParametersAttribute} ({Expected(kind)}), the node gives {parameters.Length}.");
        }
        return new FusedActivation(kind, expected > 0 ? parameters[0] : 0f, expected > 1 ? parameters[1] : 0f);
    }

    /// <summary>Writes the activation's attributes on a fused node.</summary>
    public void WriteTo(Node node)
    {
        node.SetAttribute(NodeAttribute.Of(ActivationAttribute, Name));
        if (ParameterCount(Kind) > 0)
        {
            node.SetAttribute(NodeAttribute.Of(ParametersAttribute, Parameters));
        }
    }

    /// <summary>The activation of one pre-activation value x.</summary>
    public float Apply(float x) => Kind switch
    {
        FusedActivationKind.Relu => x < 0f ? 0f : x,
        FusedActivationKind.Clip => Clamp(x, Alpha, Beta),
        FusedActivationKind.LeakyRelu => x < 0f ? Alpha * x : x,
        FusedActivationKind.Sigmoid => Sigmoid(x),
        FusedActivationKind.HardSigmoid => Clamp(Alpha * x + Beta, 0f, 1f),
        FusedActivationKind.HardSwish => x * Clamp(x * HardSwishSlope + 0.5f, 0f, 1f),
        FusedActivationKind.Swish => x * Sigmoid(x),
        FusedActivationKind.Tanh => MathF.Tanh(x),
        _ => throw new InvalidOperationException($"No arithmetic for activation {Kind}."),
    };

    public override string ToString() =>
        Parameters.Length == 0 ? Name : $"{Name}({string.Join(", ", Parameters.Select(p => p.ToString("R", CultureInfo.InvariantCulture)))})";

    /// <summary>min(max(x, low), high), in that order so that low above high gives high, as ONNX Clip does; NaN stays NaN.</summary>
    private static float Clamp(float x, float low, float high)
    {
        float v = x < low ? low : x;
        return v > high ? high : v;
    }

    /// <summary>The logistic function without overflow: e^-x is only taken for x ≥ 0, e^x only for x &lt; 0.</summary>
    private static float Sigmoid(float x)
    {
        if (x >= 0f)
        {
            return 1f / (1f + MathF.Exp(-x));
        }
        float e = MathF.Exp(x);
        return e / (1f + e);
    }

    private static string KnownNames => string.Join(", ", Enum.GetNames<FusedActivationKind>());

    private static string Expected(FusedActivationKind kind) => kind switch
    {
        FusedActivationKind.Clip => "min, max",
        FusedActivationKind.LeakyRelu => "alpha",
        FusedActivationKind.HardSigmoid => "alpha, beta",
        _ => "none",
    };

    private static AidgeException Invalid(Node node, string problem) =>
        new(DiagnosticCodes.InvalidFusedActivation,
            $"{node.OpType} {problem} Fused operators are written by aidgec's fuse-activations pass; re-export the model, or fix the attribute.",
            node: node.DisplayName);
}
