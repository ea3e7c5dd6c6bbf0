using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Fusion;

/// <summary>
/// An activation that reads a Conv or Gemm output and nothing else: the nodes that compute it (one, or Sigmoid and
/// Mul for x·sigmoid(x)), the value they produce, and the <see cref="FusedActivation"/> that computes the same. The
/// caller checks that the values which disappear with the nodes (the Sigmoid's) are not needed elsewhere.
/// </summary>
internal sealed record ActivationMatch(FusedActivation Activation, IReadOnlyList<Node> Nodes, Value Output)
{
    /// <summary>
    /// The activation applied to <paramref name="value"/> by its consumers, when they are exactly one activation node
    /// (or the Sigmoid and Mul of x·sigmoid(x)) of the default domain in this graph; null otherwise.
    /// </summary>
    public static ActivationMatch? Of(Value value, Graph graph, PassContext context)
    {
        var consumers = value.Consumers;
        if (consumers.Any(c => c.Graph != graph || c.Domain.Length != 0))
        {
            return null;
        }
        if (consumers.Count == 1 && consumers[0] is { Outputs.Count: 1 } node && node.Input(0) == value && node.Inputs.Skip(1).All(i => i != value)
            && node.Output(0) is { } output && Single(node, graph, context) is { } activation)
        {
            return new ActivationMatch(activation, [node], output);
        }
        return SigmoidTimesInput(value);
    }

    /// <summary>The activation one node computes, or null when it is not one that fuses (or its parameters are not constant).</summary>
    private static FusedActivation? Single(Node node, Graph graph, PassContext context) => node.OpType switch
    {
        "Relu" => new FusedActivation(FusedActivationKind.Relu),
        "Sigmoid" => new FusedActivation(FusedActivationKind.Sigmoid),
        "Tanh" => new FusedActivation(FusedActivationKind.Tanh),
        "HardSwish" => new FusedActivation(FusedActivationKind.HardSwish),
        "LeakyRelu" => FusedActivation.LeakyRelu(Attribute(node, graph, "alpha")),
        "HardSigmoid" => FusedActivation.HardSigmoid(Attribute(node, graph, "alpha"), Attribute(node, graph, "beta")),
        // ONNX Swish (opset 24) is x·sigmoid(alpha·x): SiLU only at alpha 1.
        "Swish" when Attribute(node, graph, "alpha") == 1f => new FusedActivation(FusedActivationKind.Swish),
        "Clip" => ClipBounds(node, graph, context),
        _ => null,
    };

    /// <summary>Clip's bounds: attributes before opset 11 (none means unbounded in opset 1), optional constant scalar inputs since.</summary>
    private static FusedActivation? ClipBounds(Node clip, Graph graph, PassContext context)
    {
        int opset = graph.OpsetOf(clip.Domain);
        if (opset < 11)
        {
            return FusedActivation.Clip(
                clip.HasAttribute("min") || opset >= 6 ? Attribute(clip, graph, "min") : float.NegativeInfinity,
                clip.HasAttribute("max") || opset >= 6 ? Attribute(clip, graph, "max") : float.PositiveInfinity);
        }
        return ConstantBound(clip.Input(1), float.NegativeInfinity, context) is float min && ConstantBound(clip.Input(2), float.PositiveInfinity, context) is float max
            ? FusedActivation.Clip(min, max)
            : null;
    }

    /// <summary>An omitted bound is <paramref name="unbounded"/>; a given one must be a float scalar known when compiling.</summary>
    private static float? ConstantBound(Value? bound, float unbounded, PassContext context) =>
        bound is null ? unbounded
        : context.ConstantOf(bound) is { Type: DataType.Float, Length: 1 } tensor ? tensor.Span<float>()[0]
        : null;

    /// <summary>Mul(x, Sigmoid(x)) in either operand order, the Sigmoid's output read by the Mul alone: Swish (SiLU).</summary>
    private static ActivationMatch? SigmoidTimesInput(Value value)
    {
        if (value.Consumers.Count != 2)
        {
            return null;
        }
        var sigmoid = value.Consumers.FirstOrDefault(c => c.OpType == "Sigmoid");
        var mul = value.Consumers.FirstOrDefault(c => c.OpType == "Mul");
        if (sigmoid?.Output(0) is not { } gate || mul?.Output(0) is not { } output || gate.Consumers is not [var only] || only != mul
            || mul.Inputs.Count != 2 || !mul.Inputs.Contains(value) || !mul.Inputs.Contains(gate))
        {
            return null;
        }
        return new ActivationMatch(new FusedActivation(FusedActivationKind.Swish), [sigmoid, mul], output);
    }

    private static float Attribute(Node node, Graph graph, string name) =>
        SchemaAttributes.GetFloat(node, OperatorRegistry.Default.Find(node.Domain, node.OpType, graph.OpsetOf(node.Domain)), name);
}
