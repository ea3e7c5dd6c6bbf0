using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Elementwise;

/// <summary>
/// Clip = min(max(x, min), max), so a min above max gives max everywhere, and NaN stays NaN. Bounds are attributes
/// before opset 11 and optional scalar inputs since: two constant bounds fold into one pass; otherwise each present
/// bound is one pass (a constant one as a parameter, one known only at run time read as a broadcast scalar).
/// </summary>
[OpenMpEmitter("Clip")]
public sealed class Clip : INodeEmitter, IInPlaceEmitter
{
    /// <summary>Each pass computes y[i] from x[i] (or the previous pass's y[i]) and the scalar bounds, which stay untouched.</summary>
    public bool MayWriteOver(Node node, int output, int input) => output == 0 && input == 0;

    private const string Both = "(x < alpha ? alpha : x) > beta ? beta : (x < alpha ? alpha : x)";

    private sealed record Bound(int Index, string UnaryExpression, string BinaryExpression);

    private static readonly Bound[] Bounds = [new(1, "x < alpha ? alpha : x", "a < b ? b : a"), new(2, "x > alpha ? alpha : x", "a > b ? b : a")];

    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var x = node.Input(0);
        var output = node.Output(0);
        if (node.OpsetVersion < 11)
        {
            node.RequireType(x, ElementTypeSets.WithHalf(ElementTypeSets.Float));
            yield return UnaryOps.Helper("clip", x.Type, x.Type, Both).Call(x, output, node.GetFloat("min"), node.GetFloat("max"));
            yield break;
        }
        node.RequireType(x, ElementTypeSets.WithHalf(ElementTypeSets.Numeric));
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
            yield return UnaryOps.Helper("clip", x.Type, x.Type, Both).Call(x, output, min.GetDouble(0), max.GetDouble(0));
            yield break;
        }
        if (present.Count == 0)
        {
            yield return Copy.Call(x, output);
            yield break;
        }
        var source = x;
        foreach (var bound in present)
        {
            string name = bound.Index == 1 ? "clip_min" : "clip_max";
            yield return node.ConstantInput(bound.Index) is { } constant
                ? UnaryOps.Helper(name, x.Type, x.Type, bound.UnaryExpression).Call(source, output, constant.GetDouble(0))
                : new BinaryHelper(name, x.Type, x.Type, x.Type, bound.BinaryExpression).Call(source, node.Input(bound.Index), output);
            source = output;
        }
    }
}
