using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;

namespace Aidge.Export.Hls.FixedPoint;

/// <summary>A multiply-add layer of a fixed-point design: its weights input, the terms each output sums, and how the weights' rows map to outputs.</summary>
/// <param name="Weights">The constant operand.</param>
/// <param name="Terms">Products summed into one output (bias not counted).</param>
/// <param name="RowsFirst">Whether each output channel's weights are contiguous (Conv, Gemm with transB); otherwise they are a column (MatMul, Gemm without transB).</param>
public sealed record FixedPointLayer(Value Weights, long Terms, bool RowsFirst);

/// <summary>The layers whose outputs are sums of products of an activation and constant weights, as the fixed-point design and its error bound see them.</summary>
public static class FixedPointLayers
{
    public static FixedPointLayer? Of(Node node)
    {
        bool onnx = node.Domain is "" or "ai.onnx";
        bool aidge = node.Domain == AidgeDomain.Name;
        if (node.Input(1) is not { } weights || Dims(weights) is not { } w)
        {
            return null;
        }
        if (((onnx && node.OpType == "Conv") || (aidge && node.OpType == "FusedConv")) && w.Length >= 2)
        {
            return new FixedPointLayer(weights, w.Skip(1).Aggregate(1L, (a, b) => a * b), true);
        }
        if (((onnx && node.OpType == "Gemm") || (aidge && node.OpType == "FusedGemm")) && w.Length == 2)
        {
            return node.GetInt("transB", 0) != 0 ? new FixedPointLayer(weights, w[1], true) : new FixedPointLayer(weights, w[0], false);
        }
        return onnx && node.OpType == "MatMul" && w.Length == 2 ? new FixedPointLayer(weights, w[0], false) : null;
    }

    /// <summary>
    /// How many values one output of the node sums in the accumulator: a multiply-add layer's terms, an average pool's
    /// window (the whole plane for the global one); 1 for the rest. The accumulator's integer bits are sized for the largest.
    /// </summary>
    public static long SummedTerms(Node node)
    {
        if (Of(node) is { } layer)
        {
            return layer.Terms;
        }
        if (node.OpType == "AveragePool" && node.GetInts("kernel_shape") is { } kernel)
        {
            return kernel.Aggregate(1L, (a, b) => a * b);
        }
        if (node.OpType == "GlobalAveragePool" && node.Input(0) is { } x && Dims(x) is { Length: > 2 } dims)
        {
            return dims.Skip(2).Aggregate(1L, (a, b) => a * b);
        }
        return 1;
    }

    private static long[]? Dims(Value value) =>
        value.Initializer?.Dims ?? (value.Shape is { IsStatic: true } shape ? shape.ToArray() : null);
}
