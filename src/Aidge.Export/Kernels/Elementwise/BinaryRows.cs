using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>One elementwise operator of two inputs: the C expression of <c>a</c> and <c>b</c>, the input types it accepts, and whether the output is bool.</summary>
public sealed record BinaryRow(string Expression, DataType[] Types, bool Comparison = false);

/// <summary>
/// One pass of a binary node: <c>Output = f(A, B)</c> with B read at <paramref name="BDims"/> (null: its own dims),
/// both broadcast to the output.
/// </summary>
public sealed record BinaryStep(TensorRef A, TensorRef B, long[]? BDims);

/// <summary>
/// A binary (or variadic) node resolved against <see cref="BinaryRows"/>: the helper key, the element types, the
/// expression, the passes in order (variadic operators fold left through the output buffer), and for Mean the factor
/// the sum is then scaled by. With a single input there are no passes: the node copies it.
/// </summary>
public sealed record BinaryOperation(string Key, DataType Input, DataType Second, DataType Output, string Expression, IReadOnlyList<BinaryStep> Steps, double? Scale)
{
    /// <summary>Whether the expression calls the integer power helper <c>aidge_ipow</c>.</summary>
    public bool UsesIntegerPower => Expression.Contains("aidge_ipow", StringComparison.Ordinal);
}

/// <summary>
/// The table of elementwise operators of two (or, for Sum/Mean/Max/Min, any number of) broadcast inputs, shared by
/// every kernel-based target, and the analysis of a node against it. Mod (per fmod) and BitShift (per direction) have
/// one row per attribute value; <c>{rem}</c> is the truncated remainder of the type (C fmod or %), <c>{pow}</c> the
/// power of the base and exponent types.
/// </summary>
public static class BinaryRows
{
    private static readonly DataType[] Bool = [DataType.Bool];

    public static readonly OperatorRows<BinaryRow> Rows = new(new(StringComparer.Ordinal)
    {
        ["Add"] = new("a + b", ElementTypeSets.Numeric),
        ["Sub"] = new("a - b", ElementTypeSets.Numeric),
        ["Mul"] = new("a * b", ElementTypeSets.Numeric),
        ["Div"] = new("a / b", ElementTypeSets.Numeric),
        ["Pow"] = new("{pow}", ElementTypeSets.Numeric),
        ["PRelu"] = new("a < 0 ? a * b : a", ElementTypeSets.Float),
        ["Sum"] = new("a + b", ElementTypeSets.Float),
        ["Mean"] = new("a + b", ElementTypeSets.Float),
        // NaN propagates, as in the ONNX reference.
        ["Max"] = new("a != a ? a : b != b ? b : a > b ? a : b", ElementTypeSets.Numeric),
        ["Min"] = new("a != a ? a : b != b ? b : a < b ? a : b", ElementTypeSets.Numeric),
        ["Equal"] = new("a == b", [.. ElementTypeSets.Numeric, DataType.Bool], Comparison: true),
        ["Greater"] = new("a > b", ElementTypeSets.Numeric, Comparison: true),
        ["Less"] = new("a < b", ElementTypeSets.Numeric, Comparison: true),
        ["GreaterOrEqual"] = new("a >= b", ElementTypeSets.Numeric, Comparison: true),
        ["LessOrEqual"] = new("a <= b", ElementTypeSets.Numeric, Comparison: true),
        ["And"] = new("a && b", Bool, Comparison: true),
        ["Or"] = new("a || b", Bool, Comparison: true),
        ["Xor"] = new("(a != 0) != (b != 0)", Bool, Comparison: true),
        ["BitwiseAnd"] = new("a & b", ElementTypeSets.Integer),
        ["BitwiseOr"] = new("a | b", ElementTypeSets.Integer),
        ["BitwiseXor"] = new("a ^ b", ElementTypeSets.Integer),
        // Shifting by the bit width or more gives 0 (C leaves it undefined); widened first so small types cannot overflow int.
        ["BitShift_LEFT"] = new("b >= sizeof(a) * 8 ? 0 : (uint64_t)a << b", ElementTypeSets.UnsignedInteger),
        ["BitShift_RIGHT"] = new("b >= sizeof(a) * 8 ? 0 : a >> b", ElementTypeSets.UnsignedInteger),
        // fmod=1: the sign of the dividend; fmod=0: the sign of the divisor (Python's %, the ONNX integer rule).
        ["Mod_1"] = new("{rem}", ElementTypeSets.Numeric),
        ["Mod_0"] = new("({rem}) != 0 && (({rem}) < 0) != (b < 0) ? ({rem}) + b : ({rem})", ElementTypeSets.Numeric),
    }, new(StringComparer.Ordinal) { ["BitShift"] = "direction", ["Mod"] = "fmod" });

    /// <summary>
    /// For the targets' <see cref="IInPlaceEmitter"/>: a kernel that computes y[i] from its inputs' elements at i reads
    /// an input of the output's own shape at index i only, before writing y[i]. With more than two inputs
    /// the later ones are read after the output holds partial sums, so only plain binary nodes qualify.
    /// </summary>
    public static bool MayWriteOver(Node node, int output, int input) =>
        output == 0 && input is 0 or 1 && node.Inputs.Count <= 2
        && node.Input(input)?.Shape is { IsStatic: true } shape && shape.Equals(node.Output(0)?.Shape);

    /// <summary>
    /// The node's operation, its inputs checked against <paramref name="allowed"/> (the row's types, widened or
    /// narrowed by what the target can hold). Inputs share one type, except Pow's exponent.
    /// </summary>
    public static BinaryOperation Resolve(NodeContext node, Func<DataType[], DataType[]> allowed)
    {
        string op = node.Node.OpType;
        var (key, row) = Rows.Find(node);
        var output = node.Output(0);
        var first = node.Input(0);
        var types = allowed(row.Types);
        node.RequireType(first, types);
        var second = node.InputCount > 1 ? node.Input(1).Type : first.Type;
        if (second != first.Type && op != "Pow")
        {
            throw node.Unsupported($"inputs of different element types ({first.Type.OnnxName()}, {second.OnnxName()})");
        }
        node.RequireType(node.InputCount > 1 ? node.Input(1) : first, op == "Pow" ? allowed(ElementTypeSets.Numeric) : types);
        string expression = row.Expression
            .Replace("{rem}", Remainder(first.Type), StringComparison.Ordinal)
            .Replace("{pow}", Power(first.Type, second), StringComparison.Ordinal)
            .Replace("{f}", ElementTypeSets.MathSuffix(first.Type), StringComparison.Ordinal);
        // Later inputs accumulate into the output: it is read at its own (full) dims.
        var steps = new List<BinaryStep>();
        var accumulated = first;
        for (int i = 1; i < node.InputCount; i++)
        {
            steps.Add(new BinaryStep(accumulated, node.Input(i), LegacySlopeDims(node, i)));
            accumulated = output;
        }
        double? scale = op == "Mean" && node.InputCount > 1 ? 1.0 / node.InputCount : null;
        return new BinaryOperation(key.ToLowerInvariant(), first.Type, second, row.Comparison ? DataType.Bool : first.Type, expression, steps, scale);
    }

    /// <summary>
    /// The truncated remainder: fmod for floats; % for integers, 0 for a zero divisor and for -1 (where INT_MIN % -1
    /// would trap), which is exact since any integer modulo -1 is 0.
    /// </summary>
    private static string Remainder(DataType type) =>
        ElementTypeSets.IsFloat(type) ? $"fmod{ElementTypeSets.MathSuffix(type)}(a, b)"
        : ElementTypeSets.SignedInteger.Contains(type) ? "(b == 0 || b == -1 ? 0 : a % b)"
        : "(b == 0 ? 0 : a % b)";

    /// <summary>
    /// Pow keeps the base's type: floats use C pow; integers raised to a non-negative integer are exact (wrapping);
    /// otherwise the power is taken in double and converted back (truncating), as the reference does.
    /// </summary>
    private static string Power(DataType type, DataType exponent) =>
        ElementTypeSets.IsFloat(type) ? $"pow{ElementTypeSets.MathSuffix(type)}(a, b)"
        : ElementTypeSets.Integer.Contains(exponent) ? "b >= 0 ? (int64_t)aidge_ipow((uint64_t)a, (uint64_t)b) : (int64_t)pow((double)a, (double)b)"
        : "pow((double)a, (double)b)";

    /// <summary>
    /// Before opset 7, PRelu's one-dim slope of size C applies along the channel axis (dim 1), not the last one: read it
    /// as [C, 1, ...] so NumPy broadcasting lines it up.
    /// </summary>
    private static long[]? LegacySlopeDims(NodeContext node, int input)
    {
        var x = node.Input(0);
        var slope = node.Input(input);
        bool legacy = node.Node.OpType == "PRelu" && node.OpsetVersion < 7 && slope.Rank == 1 && x.Rank > 2 && slope.Dims[0] == x.Dims[1] && slope.Dims[0] != 1;
        return legacy ? [slope.Dims[0], .. Enumerable.Repeat(1L, x.Rank - 2)] : null;
    }
}
