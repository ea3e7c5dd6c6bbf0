using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;

namespace Aidge.Core.Graphs;

/// <summary>
/// Multiply-accumulate counts of the operators that dominate inference cost (Conv, ConvTranspose, Gemm, MatMul),
/// computed from inferred shapes. A count is null when a shape it needs is not static: a guess would be worse than
/// saying "unknown". Bias additions are not counted, as is usual for MACs, nor are the activations that FusedConv and
/// FusedGemm (ai.aidge) apply: they count as the Conv and Gemm they extend, as QConv and QGemm do.
/// </summary>
public static class MacCounter
{
    public static bool Counts(Node node) => CountedAs(node) is not null;

    /// <summary>The node's MACs; null when it is not a counted operator or a shape it needs is not static.</summary>
    public static long? Of(Node node) => CountedAs(node) switch
    {
        // Each output element is a dot product over one group's input channels and the kernel window: W[1:].
        "Conv" => Product(StaticDims(node.Output(0)), 0) * Product(StaticDims(node.Input(1)), 1),
        // Each input element is scattered into M/group output channels over the kernel window: W[1:].
        "ConvTranspose" => Product(StaticDims(node.Input(0)), 0) * Product(StaticDims(node.Input(1)), 1),
        "Gemm" => Product(StaticDims(node.Output(0)), 0) * GemmInnerDim(node),
        "MatMul" => Product(StaticDims(node.Output(0)), 0) * MatMulInnerDim(node),
        _ => null,
    };

    /// <summary>The sum over the graph's counted nodes; null when any of them is unknown.</summary>
    public static long? Total(Graph graph)
    {
        long total = 0;
        foreach (var node in graph.Nodes.Where(Counts))
        {
            if (Of(node) is not long macs)
            {
                return null;
            }
            total += macs;
        }
        return total;
    }

    /// <summary>The ONNX operator whose MACs the node has, or null when it is not counted.</summary>
    private static string? CountedAs(Node node) => (node.Domain, node.OpType) switch
    {
        ("" or "ai.onnx", "Conv" or "ConvTranspose" or "Gemm" or "MatMul") => node.OpType,
        (AidgeDomain.Name, "FusedConv") => "Conv",
        (AidgeDomain.Name, "FusedGemm") => "Gemm",
        // The integer layers: the same multiply-adds, on int8 (QGemm's B is [N, K], its transA 0 by default).
        (AidgeDomain.Name, "QConv") => "Conv",
        (AidgeDomain.Name, "QGemm") => "Gemm",
        _ => null,
    };

    private static long? GemmInnerDim(Node node)
    {
        var a = StaticDims(node.Input(0));
        if (a is not { Length: 2 })
        {
            return null;
        }
        return node.GetInt("transA", 0) != 0 ? a[0] : a[1];
    }

    private static long? MatMulInnerDim(Node node) => StaticDims(node.Input(0)) is { Length: > 0 } a ? a[^1] : null;

    private static long[]? StaticDims(Value? value) =>
        value?.Initializer?.Dims ?? (value?.Shape is { IsStatic: true } shape ? shape.ToArray() : null);

    private static long? Product(long[]? dims, int from)
    {
        if (dims is null || dims.Length < from)
        {
            return null;
        }
        long product = 1;
        for (int i = from; i < dims.Length; i++)
        {
            product *= dims[i];
        }
        return product;
    }
}
