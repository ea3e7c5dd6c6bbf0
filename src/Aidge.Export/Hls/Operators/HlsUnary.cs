using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Hls.Model;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// Elementwise float32 functions, one pipelined element per iteration: the activations (the functions of
/// aidge_hls_math.h that FusedConv and FusedGemm use too, through <see cref="HlsActivation"/>) and a few math functions.
/// Clip's bounds must be known when compiling (attributes before opset 11, constant inputs from it).
/// </summary>
[HlsEmitter("Relu")]
[HlsEmitter("Sigmoid")]
[HlsEmitter("Tanh")]
[HlsEmitter("LeakyRelu")]
[HlsEmitter("Clip")]
[HlsEmitter("HardSigmoid")]
[HlsEmitter("HardSwish")]
[HlsEmitter("Exp")]
[HlsEmitter("Abs")]
[HlsEmitter("Neg")]
[HlsEmitter("Sqrt")]
public sealed class HlsUnary : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var y = node.Output(0);
        node.RequireType(x, DataType.Float);
        string value = Expression(node, "x[i]");
        var body = new HlsBody()
            .For("i", Math.Max(1, x.ElementCount), HlsLoopRole.PerOutput)
            .Line($"y[i] = {value};")
            .End();
        yield return HlsLayer.Of(node.Node.OpType, body, HlsLayer.In("x", x), HlsLayer.Out("y", y));
    }

    private static string Expression(NodeContext node, string x) => node.Node.OpType switch
    {
        "Relu" => HlsActivation.Apply(new FusedActivation(FusedActivationKind.Relu), x),
        "Sigmoid" => HlsActivation.Apply(new FusedActivation(FusedActivationKind.Sigmoid), x),
        "Tanh" => HlsActivation.Apply(new FusedActivation(FusedActivationKind.Tanh), x),
        "HardSwish" => HlsActivation.Apply(new FusedActivation(FusedActivationKind.HardSwish), x),
        "LeakyRelu" => HlsActivation.Apply(FusedActivation.LeakyRelu(node.GetFloat("alpha")), x),
        "HardSigmoid" => HlsActivation.Apply(FusedActivation.HardSigmoid(node.GetFloat("alpha"), node.GetFloat("beta")), x),
        "Clip" => HlsActivation.Apply(ClipBounds(node), x),
        "Exp" => $"expf({x})",
        "Abs" => $"fabsf({x})",
        "Neg" => $"-{x}",
        _ => $"sqrtf({x})",
    };

    private static FusedActivation ClipBounds(NodeContext node)
    {
        if (node.OpsetVersion < 11)
        {
            return FusedActivation.Clip(node.GetFloat("min"), node.GetFloat("max"));
        }
        float min = node.HasInput(1) ? (float)node.RequireConstantInput(1, "the minimum").GetDouble(0) : float.NegativeInfinity;
        float max = node.HasInput(2) ? (float)node.RequireConstantInput(2, "the maximum").GetDouble(0) : float.PositiveInfinity;
        return FusedActivation.Clip(min, max);
    }
}
