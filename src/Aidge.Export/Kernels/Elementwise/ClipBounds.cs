using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// One pass of a Clip node. With <paramref name="Bound"/> null it is unary: <see cref="Expression"/> of <c>x</c> with
/// the constant bounds as <c>alpha</c> (and <c>beta</c>); otherwise it is binary, <c>a</c> the data and <c>b</c> the
/// bound known only at run time, broadcast as a scalar.
/// </summary>
public sealed record ClipPass(string Key, string Expression, double Alpha, double Beta, TensorRef? Bound);

/// <summary>
/// The analysis of Clip = min(max(x, min), max) shared by the kernel-based targets, so a min above max gives max
/// everywhere and NaN stays NaN. Bounds are attributes before opset 11 and optional scalar inputs since: two constant
/// bounds fold into one pass; otherwise each present bound is one pass (a constant one as a parameter, one known only
/// at run time read as a broadcast scalar). No pass means a copy.
/// </summary>
public static class ClipBounds
{
    private const string Both = "(x < alpha ? alpha : x) > beta ? beta : (x < alpha ? alpha : x)";

    private sealed record Bound(int Index, string Key, string UnaryExpression, string BinaryExpression);

    private static readonly Bound[] Bounds =
    [
        new(1, "clip_min", "x < alpha ? alpha : x", "a < b ? b : a"),
        new(2, "clip_max", "x > alpha ? alpha : x", "a > b ? b : a"),
    ];

    /// <summary>The passes of the node; <paramref name="allowed"/> narrows or widens the element types (float before opset 11, numeric since).</summary>
    public static IReadOnlyList<ClipPass> Resolve(NodeContext node, Func<DataType[], DataType[]> allowed)
    {
        var x = node.Input(0);
        if (node.OpsetVersion < 11)
        {
            node.RequireType(x, allowed(ElementTypeSets.Float));
            return [new ClipPass("clip", Both, node.GetFloat("min"), node.GetFloat("max"), null)];
        }
        node.RequireType(x, allowed(ElementTypeSets.Numeric));
        var present = Bounds.Where(b => node.HasInput(b.Index)).ToList();
        foreach (var bound in present)
        {
            var value = node.Input(bound.Index);
            if (value.Type != x.Type || value.ElementCount != 1)
            {
                throw node.Unsupported($"bound '{value.Name}' must be a single {x.Type.OnnxName()} value");
            }
        }
        if (present.Count == 2 && node.ConstantInput(1) is { } min && node.ConstantInput(2) is { } max)
        {
            return [new ClipPass("clip", Both, min.GetDouble(0), max.GetDouble(0), null)];
        }
        return present.Select(bound => node.ConstantInput(bound.Index) is { } constant
            ? new ClipPass(bound.Key, bound.UnaryExpression, constant.GetDouble(0), 0, null)
            : new ClipPass(bound.Key, bound.BinaryExpression, 0, 0, node.Input(bound.Index))).ToList();
    }
}
