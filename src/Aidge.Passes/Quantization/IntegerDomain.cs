using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Quantization;

/// <summary>
/// The operators that run unchanged on quantized data with the same scale and zero point: they only move or select
/// values (Reshape, Flatten, Squeeze, Unsqueeze, Transpose; MaxPool from opset 12, Concat of equally quantized
/// inputs), or, on int8 with zero point 0, Relu (opset 14 and up). Moving one past a DequantizeLinear keeps the
/// integer region going, and the DequantizeLinear → QuantizeLinear pairs that then meet cancel out.
/// </summary>
public static class IntegerDomain
{
    /// <summary>The indices of the node's inputs that carry data (the others are shapes or axes), or null when it does not pass quantized data through.</summary>
    public static IReadOnlyList<int>? DataInputs(Node node, Graph graph)
    {
        if (!GraphEdits.IsOnnx(node) || node.Outputs.Skip(1).Any(o => o is not null && GraphEdits.IsUsed(graph, o)))
        {
            return null;
        }
        int opset = graph.OpsetOf(node.Domain);
        return node.OpType switch
        {
            "Reshape" or "Flatten" or "Squeeze" or "Unsqueeze" or "Transpose" => [0],
            "MaxPool" when opset >= 12 => [0],
            "Relu" when opset >= 14 => [0],
            "Concat" => Enumerable.Range(0, node.Inputs.Count).ToList(),
            _ => null,
        };
    }

    /// <summary>Whether quantized data with these parameters keeps its meaning through the node.</summary>
    public static bool Accepts(Node node, QuantizationParameters parameters) =>
        node.OpType != "Relu" || (parameters.Type == DataType.Int8 && parameters.ZeroPoint == 0);

    /// <summary>
    /// Moves every pass-through node whose data inputs all come from per-tensor DequantizeLinear nodes with equal
    /// parameters onto the quantized values, with a DequantizeLinear after it that keeps its output's name.
    /// Returns how many nodes moved.
    /// </summary>
    public static int Extend(Graph graph, PassContext context)
    {
        int moved = 0;
        foreach (var node in graph.Nodes.ToList())
        {
            if (DataInputs(node, graph) is not { Count: > 0 } inputs || node.Output(0) is not { } output
                || inputs.Select(i => node.Input(i)?.Producer).ToList() is not { } producers
                || producers.Any(p => p is not { OpType: "DequantizeLinear" } || !GraphEdits.IsOnnx(p))
                || producers.Select(p => ParametersOf(p!, context)).Distinct().ToList() is not [{ } parameters]
                || !Accepts(node, parameters))
            {
                continue;
            }
            var first = producers[0]!;
            foreach (int i in inputs)
            {
                node.SetInput(i, node.Input(i)!.Producer!.Input(0));
            }
            var quantized = graph.GetOrAddValue(graph.UniqueName($"{output.Name}_quantized"));
            node.SetOutput(0, quantized);
            graph.AddNode("DequantizeLinear", [quantized, first.Input(1), first.Input(2)], [output], graph.UniqueName($"{output.Name}_dequantize"));
            moved++;
        }
        return moved;
    }

    /// <summary>
    /// Every QuantizeLinear that reads a DequantizeLinear with the same per-tensor parameters is a no-op: its readers
    /// take the quantized data directly. Returns how many were bypassed (the caller removes what is left unread).
    /// </summary>
    public static int CancelPairs(Graph graph, PassContext context)
    {
        int cancelled = 0;
        foreach (var quantize in graph.Nodes.Where(n => n.OpType == "QuantizeLinear" && GraphEdits.IsOnnx(n)).ToList())
        {
            if (quantize.Input(0)?.Producer is { OpType: "DequantizeLinear" } dequantize && GraphEdits.IsOnnx(dequantize)
                && ParametersOf(quantize, context) is { } parameters && parameters == ParametersOf(dequantize, context)
                && quantize.Output(0) is { } output && !graph.Outputs.Contains(output))
            {
                GraphEdits.ReplaceUses(output, dequantize.Input(0)!);
                cancelled++;
            }
        }
        return cancelled;
    }

    /// <summary>
    /// Removes the QuantizeLinear and DequantizeLinear nodes nothing reads any more, readers first (the graph is in
    /// topological order), so a DequantizeLinear whose only reader was a cancelled QuantizeLinear goes too.
    /// </summary>
    public static int RemoveUnread(Graph graph)
    {
        var boundaries = graph.Nodes.Where(n => n.OpType is "QuantizeLinear" or "DequantizeLinear" && GraphEdits.IsOnnx(n)).Reverse().ToList();
        return boundaries.Count(node => GraphEdits.RemoveIfUnused(graph, node));
    }

    /// <summary>The per-tensor parameters of a QuantizeLinear or DequantizeLinear with constant scale and zero point; null otherwise.</summary>
    public static QuantizationParameters? ParametersOf(Node boundary, PassContext context) =>
        boundary.Input(1) is { } scale && boundary.Input(2) is { } zeroPoint
            ? QuantizationParameters.FromTensors(context.ConstantOf(scale), context.ConstantOf(zeroPoint))
            : null;
}
