using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// Elementwise activations and math functions of one input. Each row: the C expression of <c>x</c> (<c>{f}</c> becomes
/// the math function suffix of the type), the types it accepts, and the attributes read as <c>alpha</c>/<c>beta</c>.
/// Gelu has one row per approximate value; predicates (IsNaN, IsInf) give bool.
/// </summary>
[OpenMpEmitter("Relu")]
[OpenMpEmitter("LeakyRelu")]
[OpenMpEmitter("Sigmoid")]
[OpenMpEmitter("Tanh")]
[OpenMpEmitter("Exp")]
[OpenMpEmitter("Log")]
[OpenMpEmitter("Sqrt")]
[OpenMpEmitter("Abs")]
[OpenMpEmitter("Neg")]
[OpenMpEmitter("Reciprocal")]
[OpenMpEmitter("Floor")]
[OpenMpEmitter("Ceil")]
[OpenMpEmitter("Round")]
[OpenMpEmitter("Sin")]
[OpenMpEmitter("Cos")]
[OpenMpEmitter("Tan")]
[OpenMpEmitter("Asin")]
[OpenMpEmitter("Acos")]
[OpenMpEmitter("Atan")]
[OpenMpEmitter("Sinh")]
[OpenMpEmitter("Cosh")]
[OpenMpEmitter("Asinh")]
[OpenMpEmitter("Acosh")]
[OpenMpEmitter("Atanh")]
[OpenMpEmitter("Erf")]
[OpenMpEmitter("Sign")]
[OpenMpEmitter("Softplus")]
[OpenMpEmitter("Softsign")]
[OpenMpEmitter("Elu")]
[OpenMpEmitter("Selu")]
[OpenMpEmitter("Celu")]
[OpenMpEmitter("HardSigmoid")]
[OpenMpEmitter("HardSwish")]
[OpenMpEmitter("Mish")]
[OpenMpEmitter("ThresholdedRelu")]
[OpenMpEmitter("Not")]
[OpenMpEmitter("BitwiseNot")]
[OpenMpEmitter("IsNaN")]
[OpenMpEmitter("IsInf")]
[OpenMpEmitter("Shrink")]
[OpenMpEmitter("Gelu")]
[OpenMpEmitter("Gelu", Domain = AidgeDomain.Name)]
[OpenMpEmitter("Swish")]
public sealed class UnaryOps : INodeEmitter, IInPlaceEmitter
{
    /// <summary>y[i] is computed from x[i] alone, read before it is written.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    /// <summary>One operator (or variant); <paramref name="ExactParameters"/> keeps alpha/beta in double instead of the input type (the computation then runs in double).</summary>
    private sealed record Row(string Expression, DataType[] Types, string? Alpha = null, string? Beta = null, bool Predicate = false, bool ExactParameters = false);

    private static readonly DataType[] Bool = [DataType.Bool];

    private static readonly OperatorRows<Row> Rows = new(new(StringComparer.Ordinal)
    {
        // uint8 too, as the simulator allows it (max(x, 0) is then x): the integer domain of quantized models.
        ["Relu"] = new("x > 0 ? x : 0", [.. ElementTypeSets.Signed, DataType.UInt8]),
        ["LeakyRelu"] = new("x >= 0 ? x : alpha * x", ElementTypeSets.Float, "alpha"),
        ["Sigmoid"] = new("x >= 0 ? 1 / (1 + exp{f}(-x)) : exp{f}(x) / (1 + exp{f}(x))", ElementTypeSets.Float),
        ["Tanh"] = new("tanh{f}(x)", ElementTypeSets.Float),
        ["Exp"] = new("exp{f}(x)", ElementTypeSets.Float),
        ["Log"] = new("log{f}(x)", ElementTypeSets.Float),
        ["Sqrt"] = new("sqrt{f}(x)", ElementTypeSets.Float),
        ["Abs"] = new("x < 0 ? -x : x", ElementTypeSets.Numeric),
        ["Neg"] = new("-x", ElementTypeSets.Signed),
        ["Reciprocal"] = new("1 / x", ElementTypeSets.Float),
        ["Floor"] = new("floor{f}(x)", ElementTypeSets.Float),
        ["Ceil"] = new("ceil{f}(x)", ElementTypeSets.Float),
        // ONNX rounds halves to even, which is rint in the default rounding mode.
        ["Round"] = new("rint{f}(x)", ElementTypeSets.Float),
        ["Sin"] = new("sin{f}(x)", ElementTypeSets.Float),
        ["Cos"] = new("cos{f}(x)", ElementTypeSets.Float),
        ["Tan"] = new("tan{f}(x)", ElementTypeSets.Float),
        ["Asin"] = new("asin{f}(x)", ElementTypeSets.Float),
        ["Acos"] = new("acos{f}(x)", ElementTypeSets.Float),
        ["Atan"] = new("atan{f}(x)", ElementTypeSets.Float),
        ["Sinh"] = new("sinh{f}(x)", ElementTypeSets.Float),
        ["Cosh"] = new("cosh{f}(x)", ElementTypeSets.Float),
        ["Asinh"] = new("asinh{f}(x)", ElementTypeSets.Float),
        ["Acosh"] = new("acosh{f}(x)", ElementTypeSets.Float),
        ["Atanh"] = new("atanh{f}(x)", ElementTypeSets.Float),
        ["Erf"] = new("erf{f}(x)", ElementTypeSets.Float),
        ["Sign"] = new("(x > 0) - (x < 0)", ElementTypeSets.Numeric),
        // log(1 + e^x) without overflow for large x.
        ["Softplus"] = new("x > 0 ? x + log1p{f}(exp{f}(-x)) : log1p{f}(exp{f}(x))", ElementTypeSets.Float),
        ["Softsign"] = new("x / (1 + fabs{f}(x))", ElementTypeSets.Float),
        ["Elu"] = new("x >= 0 ? x : alpha * (exp{f}(x) - 1)", ElementTypeSets.Float, "alpha"),
        ["Selu"] = new("x > 0 ? beta * x : beta * (alpha * exp{f}(x) - alpha)", ElementTypeSets.Float, "alpha", "gamma"),
        ["Celu"] = new("(x > 0 ? x : 0) + (x < 0 ? alpha * (exp{f}(x / alpha) - 1) : 0)", ElementTypeSets.Float, "alpha"),
        ["HardSigmoid"] = new("fmax{f}(0, fmin{f}(1, alpha * x + beta))", ElementTypeSets.Float, "alpha", "beta"),
        ["HardSwish"] = new("x * fmax{f}(0, fmin{f}(1, x / 6 + 0.5{f}))", ElementTypeSets.Float),
        ["Mish"] = new("x * tanh{f}(x > 0 ? x + log1p{f}(exp{f}(-x)) : log1p{f}(exp{f}(x)))", ElementTypeSets.Float),
        ["ThresholdedRelu"] = new("x > alpha ? x : 0", ElementTypeSets.Float, "alpha"),
        ["Not"] = new("!x", Bool),
        ["BitwiseNot"] = new("~x", ElementTypeSets.Integer),
        ["IsNaN"] = new("isnan(x)", ElementTypeSets.Float, Predicate: true),
        // alpha and beta are detect_positive and detect_negative.
        ["IsInf"] = new("isinf(x) && (x > 0 ? alpha != 0 : beta != 0)", ElementTypeSets.Float, "detect_positive", "detect_negative", Predicate: true),
        // Integers too, compared and offset in double as the ONNX reference does.
        ["Shrink"] = new("x < -alpha ? x + beta : x > alpha ? x - beta : 0", ElementTypeSets.Numeric, "lambd", "bias", ExactParameters: true),
        ["Gelu_none"] = new("0.5 * x * (1 + erf(x / 1.4142135623730951))", ElementTypeSets.Float),
        ["Gelu_tanh"] = new("0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))", ElementTypeSets.Float),
        ["Swish"] = new("x / (1 + exp{f}(-alpha * x))", ElementTypeSets.Float, "alpha"),
    }, new(StringComparer.Ordinal) { ["Gelu"] = "approximate" });

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var (key, row) = Rows.Find(node);
        var input = node.Input(0);
        node.RequireType(input, ElementTypeSets.WithHalf(row.Types));
        var helper = Helper(key, input.Type, row.Predicate ? DataType.Bool : input.Type, row.Expression, typedParameters: !row.ExactParameters);
        yield return helper.Call(input, node.Output(0), row.Alpha is null ? 0 : node.GetFloat(row.Alpha), row.Beta is null ? 0 : node.GetFloat(row.Beta));
    }

    /// <summary>The helper for an op, with the math suffix applied and <c>alpha</c>/<c>beta</c> typed as the input unless <paramref name="typedParameters"/> is false.</summary>
    public static UnaryHelper Helper(string op, DataType input, DataType output, string expression, bool typedParameters = true)
    {
        string typed = expression.Replace("{f}", ElementTypeSets.MathSuffix(input), StringComparison.Ordinal);
        if (typedParameters)
        {
            string type = ElementwiseHelper.ComputeType(input);
            typed = typed.Replace("alpha", $"(({type})alpha)", StringComparison.Ordinal).Replace("beta", $"(({type})beta)", StringComparison.Ordinal);
        }
        return new UnaryHelper(op.ToLowerInvariant(), input, output, typed);
    }
}
