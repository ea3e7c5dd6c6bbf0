using Aidge.Core.Operators.Reduction;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// A reduction: its initial value (<c>{low}</c>/<c>{high}</c> are the type's extremes), its step on an element
/// <c>x</c>, how two partial accumulators combine (<c>acc</c> with <c>other</c>, for targets that reduce in parallel),
/// its final value (of <c>acc</c> and the element count <c>count</c>), and whether it is floating-point only.
/// </summary>
public sealed record ReduceRow(string Initial, string Step, string Combine, string Final, bool FloatOnly = false, bool Extreme = false);

/// <summary>A reduction node resolved against <see cref="ReduceRows"/>: the helper's op name, the element type, the C accumulator type and the row's expressions with the type's extremes filled in.</summary>
public sealed record ReduceOperation(string Op, DataType Type, string Accumulator, string Initial, string Step, string Combine, string Final);

/// <summary>
/// How a reduction walks its input: the kept dims with their input strides (the output's dims, in order) and the
/// reduced ones with theirs, and the number of elements each output folds.
/// </summary>
public sealed record ReduceAxes(long[] KeptDims, long[] KeptStrides, long[] Dims, long[] Strides, long Count);

/// <summary>
/// The Reduce* family for every kernel-based target. Floating-point inputs accumulate in double (as the ONNX
/// reference's float64 numpy does for the transcendental ones), integers in 64 bits. Axes come from the attribute
/// (older opsets) or an input; an empty set reduces to the operation's identity (0, 1, -inf...), and
/// noop_with_empty_axes copies the input.
/// </summary>
public static class ReduceRows
{
    private const string Add = "acc += other";

    private static readonly Dictionary<string, ReduceRow> Rows = new(StringComparer.Ordinal)
    {
        ["ReduceSum"] = new("0", "acc += x", Add, "acc"),
        ["ReduceMean"] = new("0", "acc += x", Add, "acc / count"),
        ["ReduceProd"] = new("1", "acc *= x", "acc *= other", "acc"),
        ["ReduceMax"] = new("{low}", "acc = x > acc || x != x ? x : acc", "acc = other > acc || other != other ? other : acc", "acc", Extreme: true),
        ["ReduceMin"] = new("{high}", "acc = x < acc || x != x ? x : acc", "acc = other < acc || other != other ? other : acc", "acc", Extreme: true),
        ["ReduceL1"] = new("0", "acc += x < 0 ? -x : x", Add, "acc"),
        ["ReduceL2"] = new("0", "acc += (double)x * x", Add, "sqrt(acc)", FloatOnly: true),
        ["ReduceSumSquare"] = new("0", "acc += x * x", Add, "acc"),
        ["ReduceLogSum"] = new("0", "acc += x", Add, "log(acc)", FloatOnly: true),
        ["ReduceLogSumExp"] = new("0", "acc += exp((double)x)", Add, "log(acc)", FloatOnly: true),
    };

    /// <summary>The node's operation, its input checked against the row's types narrowed by <paramref name="held"/> (what the target can hold).</summary>
    public static ReduceOperation Resolve(NodeContext node, Func<DataType[], DataType[]> held)
    {
        string op = node.Node.OpType;
        var row = Rows[op];
        var input = node.Input(0);
        node.RequireType(input, held(row.FloatOnly ? ElementTypeSets.Float : row.Extreme ? [.. ElementTypeSets.Numeric, DataType.Bool] : ElementTypeSets.Numeric));
        var type = input.Type;
        string t = CTypes.Of(type)!;
        string accumulator = row.Extreme ? t
            : type.IsFloatingPoint() ? "double"
            : ElementTypeSets.SignedInteger.Contains(type) ? "int64_t" : "uint64_t";
        var (low, high) = Extremes(type);
        string initial = row.Initial.Replace("{low}", low, StringComparison.Ordinal).Replace("{high}", high, StringComparison.Ordinal);
        return new ReduceOperation(op.Replace("Reduce", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), type, accumulator, initial, row.Step, row.Combine, row.Final);
    }

    /// <summary>Whether the node copies its input when given no axes.</summary>
    public static bool NoopWithEmptyAxes(NodeContext node) =>
        node.Schema?.Attributes.ContainsKey("noop_with_empty_axes") == true && node.GetInt("noop_with_empty_axes") != 0;

    /// <summary>Whether the axes are an input known only at run time.</summary>
    public static bool RunTimeAxes(NodeContext node) => node.HasInput(1) && node.ConstantInput(1) is null;

    /// <summary>The split of the input's dims for constant axes (attribute or constant input), or null when nothing is reduced (a copy).</summary>
    public static ReduceAxes? ConstantAxes(NodeContext node)
    {
        var input = node.Input(0);
        var axes = node.HasInput(1) ? node.RequireConstantInput(1, "axes").ToInt64Array() : node.GetInts("axes");
        var reduced = ReductionAxes.Resolve(axes, input.Rank, NoopWithEmptyAxes(node));
        if (!reduced.Contains(true))
        {
            return null;
        }
        var strides = TensorLayout.Strides(input.Dims);
        var kept = Enumerable.Range(0, input.Rank).Where(a => !reduced[a]).ToArray();
        var folded = Enumerable.Range(0, input.Rank).Where(a => reduced[a]).ToArray();
        return new ReduceAxes(
            kept.Select(a => input.Dims[a]).ToArray(), kept.Select(a => strides[a]).ToArray(),
            folded.Select(a => input.Dims[a]).ToArray(), folded.Select(a => strides[a]).ToArray(),
            folded.Aggregate(1L, (p, a) => p * input.Dims[a]));
    }

    /// <summary>The identities of max and min: the lowest and highest values of the type (infinities for floats).</summary>
    private static (string Low, string High) Extremes(DataType type) => type switch
    {
        DataType.Float or DataType.Double => ("-INFINITY", "INFINITY"),
        DataType.Int8 => ("INT8_MIN", "INT8_MAX"),
        DataType.Int16 => ("INT16_MIN", "INT16_MAX"),
        DataType.Int32 => ("INT32_MIN", "INT32_MAX"),
        DataType.Int64 => ("INT64_MIN", "INT64_MAX"),
        DataType.UInt8 => ("0", "UINT8_MAX"),
        DataType.UInt16 => ("0", "UINT16_MAX"),
        DataType.UInt32 => ("0", "UINT32_MAX"),
        DataType.UInt64 => ("0", "UINT64_MAX"),
        _ => ("0", "1"),
    };
}
