using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// Which nodes may be computed when compiling, how much data they may produce, and the computation itself: one rule for
/// the compile-time data the exporters read (the simulator's CompileTimeValues) and for the constant-folding pass, so
/// the two never disagree about what becomes constant data.
/// </summary>
public static class ConstantFoldingRule
{
    /// <summary>
    /// A folded output is kept when it is at most this large, or no larger than the node's inputs: constant data then
    /// never grows much beyond the weights the model already has (a ConstantOfShape the size of an activation map
    /// stays code).
    /// </summary>
    public const long MaxGrowthBytes = 1 << 20;

    /// <summary>
    /// The node's outputs when they are known at compile time, one per output slot (null for an omitted output); null
    /// when they are not. Outputs shape inference already folded (<paramref name="inferred"/>: Constant, Shape of static
    /// dims...) need no kernel and no size check: they are data the model holds or a handful of integers. Otherwise every
    /// input must be <paramref name="known"/>, the node may be evaluated (it has inputs: an input-less node inference did
    /// not fold is a random generator; it has no subgraph, which may read values not known here), the evaluator must
    /// succeed, and no output may exceed max(<see cref="MaxGrowthBytes"/>, the inputs' bytes).
    /// </summary>
    public static IReadOnlyList<Tensor?>? TryFold(Node node, Func<Value, Tensor?> inferred, Func<Value, Tensor?> known, INodeEvaluator? evaluator)
    {
        var outputs = node.Outputs;
        if (outputs.All(o => o is null))
        {
            return null;
        }
        if (outputs.All(o => o is null || inferred(o) is not null))
        {
            return outputs.Select(o => o is null ? null : inferred(o)).ToList();
        }
        if (evaluator is null || !node.Inputs.Any(v => v is not null) || node.Attributes.Any(a => a.Kind is AttributeKind.Graph or AttributeKind.Graphs))
        {
            return null;
        }
        var inputs = node.Inputs.Select(v => v is null ? null : known(v)).ToList();
        if (node.Inputs.Where((v, i) => v is not null && inputs[i] is null).Any())
        {
            return null;
        }
        long limit = Math.Max(MaxGrowthBytes, inputs.OfType<Tensor>().Sum(t => (long)t.Bytes.Length));
        if (outputs.OfType<Value>().Any(o => o.Shape is { IsStatic: true } s && s.ElementCount * o.ElementType.SizeOf() > limit))
        {
            return null;
        }
        var results = evaluator.TryEvaluate(node, inputs);
        if (results is null || results.Count < outputs.Count)
        {
            return null;
        }
        for (int i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] is not null && (results[i] is not { } tensor || tensor.Bytes.Length > limit))
            {
                return null;
            }
        }
        return results;
    }
}
