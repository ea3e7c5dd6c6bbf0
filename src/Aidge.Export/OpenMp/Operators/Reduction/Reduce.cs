using System.Globalization;
using Aidge.Core.Operators.Reduction;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.OpenMp.Operators.Elementwise;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Reduction;

/// <summary>
/// The Reduce* family. Floating-point inputs accumulate in double (as the ONNX reference's float64 numpy does for the
/// transcendental ones), integers in 64 bits. Axes come from the attribute (older opsets) or an input, constant or
/// known only at run time; an empty set reduces to the operation's identity (0, 1, -inf...), and
/// noop_with_empty_axes copies the input.
/// </summary>
[OpenMpEmitter("ReduceSum")]
[OpenMpEmitter("ReduceMean")]
[OpenMpEmitter("ReduceMax")]
[OpenMpEmitter("ReduceMin")]
[OpenMpEmitter("ReduceProd")]
[OpenMpEmitter("ReduceL1")]
[OpenMpEmitter("ReduceL2")]
[OpenMpEmitter("ReduceLogSum")]
[OpenMpEmitter("ReduceLogSumExp")]
[OpenMpEmitter("ReduceSumSquare")]
public sealed class Reduce : INodeEmitter
{
    /// <summary>A reduction: its initial value ({low}/{high} are the type's extremes), step on x, final value, and whether it is floating-point only.</summary>
    private sealed record Row(string Initial, string Step, string Final, bool FloatOnly = false, bool Extreme = false);

    private static readonly Dictionary<string, Row> Rows = new(StringComparer.Ordinal)
    {
        ["ReduceSum"] = new("0", "acc += x", "acc"),
        ["ReduceMean"] = new("0", "acc += x", "acc / count"),
        ["ReduceProd"] = new("1", "acc *= x", "acc"),
        ["ReduceMax"] = new("{low}", "acc = x > acc || x != x ? x : acc", "acc", Extreme: true),
        ["ReduceMin"] = new("{high}", "acc = x < acc || x != x ? x : acc", "acc", Extreme: true),
        ["ReduceL1"] = new("0", "acc += x < 0 ? -x : x", "acc"),
        ["ReduceL2"] = new("0", "acc += (double)x * x", "sqrt(acc)", FloatOnly: true),
        ["ReduceSumSquare"] = new("0", "acc += x * x", "acc"),
        ["ReduceLogSum"] = new("0", "acc += x", "log(acc)", FloatOnly: true),
        ["ReduceLogSumExp"] = new("0", "acc += exp((double)x)", "log(acc)", FloatOnly: true),
    };

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        string op = node.Node.OpType;
        var row = Rows[op];
        var input = node.Input(0);
        var output = node.Output(0);
        node.RequireType(input, row.FloatOnly ? ElementTypeSets.Float : row.Extreme ? [.. ElementTypeSets.Numeric, DataType.Bool] : ElementTypeSets.Numeric);
        bool noop = node.Schema?.Attributes.ContainsKey("noop_with_empty_axes") == true && node.GetInt("noop_with_empty_axes") != 0;
        var helper = Helper(op.Replace("Reduce", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), input.Type, row);
        if (node.HasInput(1) && node.ConstantInput(1) is null)
        {
            yield return RunTimeAxes(node, helper, noop);
            yield break;
        }
        var axes = node.HasInput(1) ? node.RequireConstantInput(1, "axes").ToInt64Array() : node.GetInts("axes");
        var reduced = ReductionAxes.Resolve(axes, input.Rank, noop);
        if (!reduced.Contains(true))
        {
            yield return Copy.Call(input, output);
            yield break;
        }
        var strides = TensorLayout.Strides(input.Dims);
        var kept = Enumerable.Range(0, input.Rank).Where(a => !reduced[a]).ToArray();
        var folded = Enumerable.Range(0, input.Rank).Where(a => reduced[a]).ToArray();
        long count = folded.Aggregate(1L, (p, a) => p * input.Dims[a]);
        yield return new KernelCall(helper, new[]
        {
            NodeContext.Threads, input.Read, output.Write, CLiteral.Int(output.ElementCount),
            kept.Length.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(kept.Select(a => input.Dims[a])), CLiteral.Int64Array(kept.Select(a => strides[a])),
            folded.Length.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(folded.Select(a => input.Dims[a])), CLiteral.Int64Array(folded.Select(a => strides[a])),
            CLiteral.Int(count),
        }.ToEquatableArray());
    }

    private static KernelCall RunTimeAxes(NodeContext node, ReduceHelper helper, bool noop)
    {
        var input = node.Input(0);
        var axes = node.Input(1);
        node.RequireType(axes, DataType.Int64);
        if (input.Rank == 0)
        {
            throw node.Unsupported("a scalar input with axes known only at run time");
        }
        return new KernelCall(new RunTimeAxesHelper(helper), new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write, CLiteral.Int(node.Output(0).ElementCount), input.Rank.ToString(CultureInfo.InvariantCulture),
            CLiteral.Int64Array(input.Dims), axes.Read, CLiteral.Int(axes.ElementCount), noop ? "1" : "0",
        }.ToEquatableArray());
    }

    private static ReduceHelper Helper(string op, DataType type, Row row)
    {
        string t = CTypes.Of(type)!;
        string accumulator = row.Extreme ? t
            : type.IsFloatingPoint() ? "double"
            : ElementTypeSets.SignedInteger.Contains(type) ? "int64_t" : "uint64_t";
        var (low, high) = Extremes(type);
        return new ReduceHelper(op, type, accumulator, row.Initial.Replace("{low}", low, StringComparison.Ordinal).Replace("{high}", high, StringComparison.Ordinal), row.Step, row.Final);
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
