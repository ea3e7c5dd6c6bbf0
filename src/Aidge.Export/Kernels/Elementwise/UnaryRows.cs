using Aidge.Core.Tensors;
using Aidge.Export.C;

namespace Aidge.Export.Kernels;

/// <summary>
/// One elementwise operator of one input (or a variant of it): the C expression of <c>x</c> (<c>{f}</c> becomes the
/// math function suffix of the type), the types it accepts, and the attributes read as <c>alpha</c>/<c>beta</c>.
/// <paramref name="ExactParameters"/> keeps alpha/beta in double instead of the input type (the computation then runs
/// in double); predicates (IsNaN, IsInf) give bool.
/// </summary>
public sealed record UnaryRow(string Expression, DataType[] Types, string? Alpha = null, string? Beta = null, bool Predicate = false, bool ExactParameters = false);

/// <summary>
/// A unary node resolved against <see cref="UnaryRows"/>: the helper key (op or op_variant, lower case), the element
/// types, the expression ready for the target's writer and the values of alpha and beta.
/// </summary>
public sealed record UnaryOperation(string Key, DataType Input, DataType Output, string Expression, double Alpha, double Beta);

/// <summary>
/// The table of elementwise activations and math functions of one input, shared by every kernel-based target: each
/// target writes its own loop (an OpenMP C loop, a CUDA grid-stride kernel) around the same C expression, so an
/// operator's arithmetic is defined once. The expressions use C99 math names (<c>expf</c>, <c>log1pf</c>...), which
/// CUDA device code has too. Gelu has one row per approximate value.
/// </summary>
public static class UnaryRows
{
    private static readonly DataType[] Bool = [DataType.Bool];

    public static readonly OperatorRows<UnaryRow> Rows = new(new(StringComparer.Ordinal)
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

    /// <summary>
    /// The node's operation, its input checked against <paramref name="allowed"/> (the row's types, widened or narrowed
    /// by what the target can hold); the output is the input's type, or bool for predicates.
    /// </summary>
    public static UnaryOperation Resolve(NodeContext node, Func<DataType[], DataType[]> allowed)
    {
        var (key, row) = Rows.Find(node);
        var input = node.Input(0);
        node.RequireType(input, allowed(row.Types));
        return Operation(key, input.Type, row.Predicate ? DataType.Bool : input.Type, row.Expression, !row.ExactParameters,
            row.Alpha is null ? 0 : node.GetFloat(row.Alpha), row.Beta is null ? 0 : node.GetFloat(row.Beta));
    }

    /// <summary>An operation with the math suffix applied and <c>alpha</c>/<c>beta</c> typed as the input unless <paramref name="typedParameters"/> is false.</summary>
    public static UnaryOperation Operation(string key, DataType input, DataType output, string expression, bool typedParameters = true, double alpha = 0, double beta = 0)
    {
        string typed = expression.Replace("{f}", ElementTypeSets.MathSuffix(input), StringComparison.Ordinal);
        if (typedParameters)
        {
            string type = ElementTypeSets.ComputeType(input);
            typed = typed.Replace("alpha", $"(({type})alpha)", StringComparison.Ordinal).Replace("beta", $"(({type})beta)", StringComparison.Ordinal);
        }
        return new UnaryOperation(key.ToLowerInvariant(), input, output, typed, alpha, beta);
    }
}
