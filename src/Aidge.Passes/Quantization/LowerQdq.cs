using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Rewriting;

namespace Aidge.Passes.Quantization;

/// <summary>
/// Already-quantized ONNX into this project's integer layers: QLinearConv, 2-D QLinearMatMul, and
/// DequantizeLinear → Conv/Gemm/MatMul (→ Relu) → QuantizeLinear with int8 symmetric weights become QConv/QGemm with
/// integer requantization, so the exporter needs no QLinear* emitters and no float work between the boundaries. The
/// integer multiplier is the float32 ratio of the ONNX reference rounded to 31 bits, so an output differs from the
/// spec's float requantization by at most one step, and only where the product lands next to a rounding tie. Runs
/// before constant folding, which would otherwise turn the dequantized weights into float constants.
/// </summary>
public sealed class LowerQdq : IPass
{
    public string Name => "lower-qdq";

    public string Description => "QLinearConv, QLinearMatMul, DequantizeLinear -> Conv/Gemm/MatMul -> QuantizeLinear -> QConv/QGemm";

    public PassResult Run(Graph graph, PassContext context)
    {
        var layers = new List<IntegerLayer>();
        var claimed = new HashSet<Node>();
        foreach (var node in graph.Nodes)
        {
            if (!claimed.Contains(node) && IntegerLayer.Match(node, graph, context) is { } layer && layer.Nodes.All(claimed.Add))
            {
                layers.Add(layer);
            }
        }
        if (layers.Count == 0)
        {
            return PassResult.Unchanged;
        }
        long bytesBefore = GraphEdits.ParameterBytes(graph);
        int nodesBefore = graph.Nodes.Count;
        AidgeDomain.EnsureImported(graph);
        // The layers' constants, and those of the DequantizeLinear nodes that fed them (weights, bias), before the rewrite disconnects them.
        var inputs = layers.SelectMany(l => l.Nodes).SelectMany(n => n.Inputs).OfType<Value>().ToList();
        var constants = inputs.Concat(inputs.Select(v => v.Producer).OfType<Node>().SelectMany(n => n.Inputs).OfType<Value>()).Distinct().ToList();
        foreach (var layer in layers)
        {
            Rewrite(graph, layer);
        }
        // The dequantized weights and the boundaries that fed only the replaced layers go.
        IntegerDomain.RemoveUnread(graph);
        foreach (var initializer in constants)
        {
            GraphEdits.RemoveInitializerIfUnused(graph, initializer);
        }
        graph.SortTopologically();
        var counts = layers.GroupBy(l => $"{l.Nodes[^1].OpType} -> {l.OpType}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}");
        return new PassResult(layers.Count, nodesBefore - graph.Nodes.Count + layers.Count, layers.Count, bytesBefore - GraphEdits.ParameterBytes(graph), [.. counts]);
    }

    private static void Rewrite(Graph graph, IntegerLayer layer)
    {
        foreach (var node in layer.Nodes)
        {
            graph.RemoveNode(node);
        }
        string name = layer.Nodes[^1].Name;
        string hint = name.Length > 0 ? name : layer.Output.Name;
        var weights = graph.AddInitializer(graph.UniqueName($"{hint}_weight_int8"), layer.Weights);
        var bias = layer.Bias is { } b ? graph.AddInitializer(graph.UniqueName($"{hint}_bias_int32"), b) : null;
        QuantizedLayerNodes.Add(graph, layer.OpType, name, layer.Input, weights, bias, layer.Output, layer.Geometry, layer.ZeroPoints, layer.Requantization, layer.Clamp);
    }
}
