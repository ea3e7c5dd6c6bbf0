using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Fusion;

/// <summary>The small questions pattern matchers ask about nodes and constants, answered one way for every pass.</summary>
internal static class Patterns
{
    /// <summary>Exporters print constants such as √2 or √(2/π) with 5 to 8 digits; 1e-4 relative accepts all of them and nothing else.</summary>
    public const double ConstantTolerance = 1e-4;

    /// <summary>The node that computes <paramref name="value"/> when it is an ONNX <paramref name="opType"/>, else null.</summary>
    public static Node? ProducedBy(Value? value, string opType) =>
        value?.Producer is { } producer && producer.OpType == opType && GraphEdits.IsOnnx(producer) ? producer : null;

    /// <summary>The other input of a two-input node, or null when <paramref name="value"/> is not one of its two inputs.</summary>
    public static Value? OtherInput(Node node, Value value) =>
        node.Inputs.Count != 2 ? null : node.Input(0) == value ? node.Input(1) : node.Input(1) == value ? node.Input(0) : null;

    /// <summary>The value's data when it is a float32 constant (an initializer, a Constant node, or folded by inference).</summary>
    public static Tensor? FloatConstant(PassContext context, Value? value) =>
        value is not null && context.ConstantOf(value) is { Type: DataType.Float } tensor ? tensor : null;

    /// <summary>
    /// True when <paramref name="value"/> is a one-element numeric constant within <see cref="ConstantTolerance"/> of
    /// <paramref name="expected"/>. Such a constant can still add leading dims by broadcasting: a matcher that replaces
    /// a chain checks that the chain's output has its input's shape.
    /// </summary>
    public static bool IsScalar(PassContext context, Value? value, double expected) =>
        ScalarOf(context, value) is double actual && IsNear(actual, expected);

    /// <summary>The value of a one-element numeric constant, else null.</summary>
    public static double? ScalarOf(PassContext context, Value? value) =>
        value is not null && context.ConstantOf(value) is { Length: 1 } tensor && tensor.Type.IsNumeric() ? tensor.GetDouble(0) : null;

    public static bool IsNear(double actual, double expected) =>
        Math.Abs(actual - expected) <= ConstantTolerance * Math.Abs(expected);

    /// <summary>
    /// The two-input node's operand that is a scalar constant near <paramref name="expected"/>, returning the other
    /// operand; null when neither is.
    /// </summary>
    public static Value? OperandBesideScalar(PassContext context, Node node, double expected)
    {
        if (node.Inputs.Count != 2)
        {
            return null;
        }
        if (IsScalar(context, node.Input(1), expected))
        {
            return node.Input(0);
        }
        return IsScalar(context, node.Input(0), expected) ? node.Input(1) : null;
    }
}
