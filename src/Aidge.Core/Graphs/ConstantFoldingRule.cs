using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// Which nodes may be computed when compiling, and how much data they may produce: one rule for the compile-time data
/// the exporters read (the simulator's CompileTimeValues) and for the constant-folding pass, so the two never
/// disagree about what becomes constant data.
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
    /// Whether the node may be evaluated from known inputs at all. A node without inputs that inference did not fold
    /// generates data each run (a random generator): never. Subgraphs (If, Loop) may read outer values that are not
    /// known here.
    /// </summary>
    public static bool MayEvaluate(Node node) =>
        node.Inputs.Any(v => v is not null) && !node.Attributes.Any(a => a.Kind is AttributeKind.Graph or AttributeKind.Graphs);

    /// <summary>The most bytes one folded output of a node with these input data may hold.</summary>
    public static long OutputLimit(IEnumerable<Tensor?> inputs) => Math.Max(MaxGrowthBytes, inputs.OfType<Tensor>().Sum(t => (long)t.Bytes.Length));

    /// <summary>Whether an output whose static shape inference already knows would exceed the limit (checked before running the kernel).</summary>
    public static bool DeclaredTooLarge(Node node, long limit) =>
        node.Outputs.OfType<Value>().Any(o => o.Shape is { IsStatic: true } s && s.ElementCount * o.ElementType.SizeOf() > limit);
}
