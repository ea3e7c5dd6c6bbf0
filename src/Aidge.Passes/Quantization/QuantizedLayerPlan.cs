using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;

namespace Aidge.Passes.Quantization;

/// <summary>
/// One layer's quantized form, computed before the graph changes (so a layer that cannot be quantized leaves
/// nothing half-done): the input and output parameters, the int8 weights and int32 bias, and the multiplier and
/// shift of each output channel.
/// </summary>
internal sealed record QuantizedLayerPlan(QuantizableLayer Layer, QuantizationParameters Input, QuantizationParameters Output, QuantizedWeights Weights,
    (int Multiplier, int Shift)[] ChannelRequantization)
{
    /// <summary>The plan, or null with the reason the layer stays float.</summary>
    public static (QuantizedLayerPlan? Plan, string? Reason) Create(QuantizableLayer layer, IReadOnlyDictionary<Value, QuantizationParameters> parameters)
    {
        if (!parameters.TryGetValue(layer.Input, out var input))
        {
            return (null, $"its input '{layer.Input.Name}' has no calibrated range");
        }
        if (!parameters.TryGetValue(layer.Output, out var output))
        {
            return (null, $"its output '{layer.Output.Name}' has no calibrated range");
        }
        var weights = QuantizedWeights.From(layer.Weights, layer.Bias, input.Scale);
        var requantization = new (int, int)[weights.Scales.Length];
        for (int c = 0; c < requantization.Length; c++)
        {
            double ratio = input.Scale * weights.Scales[c] / output.Scale;
            if (ratio >= Math.ScaleB(1.0, 30))
            {
                return (null, $"its scale ratio {ratio:G3} (input · weight / output) is beyond what the integer requantization represents");
            }
            requantization[c] = Requantization.FromReal(ratio);
        }
        return (new QuantizedLayerPlan(layer, input, output, weights, requantization), null);
    }

    /// <summary>Replaces the layer's nodes with QuantizeLinear (shared) → QConv/QGemm → DequantizeLinear writing the layer's output.</summary>
    public void Rewrite(Graph graph, QuantizationBoundary boundary)
    {
        var input = boundary.Quantized(Layer.Input, Input);
        foreach (var replaced in Layer.Nodes)
        {
            graph.RemoveNode(replaced);
        }
        string hint = Layer.Layer.Name.Length > 0 ? Layer.Layer.Name : Layer.Output.Name;
        var weights = graph.AddInitializer(graph.UniqueName($"{hint}_weight_int8"), Weights.Weights);
        var bias = Weights.Bias is { } b ? graph.AddInitializer(graph.UniqueName($"{hint}_bias_int32"), b) : null;
        var output = graph.GetOrAddValue(graph.UniqueName($"{Layer.Output.Name}_quantized"));
        var node = graph.AddNode(Layer.OpType, bias is null ? [input, weights] : [input, weights, bias], [output], Layer.Layer.Name, AidgeDomain.Name);
        foreach (var attribute in Layer.Attributes)
        {
            node.SetAttribute(attribute);
        }
        var (min, max) = Clamp();
        node.SetAttribute(NodeAttribute.Of("x_zero_point", (long)Input.ZeroPoint));
        node.SetAttribute(NodeAttribute.Of("y_zero_point", (long)Output.ZeroPoint));
        node.SetAttribute(NodeAttribute.Of("multiplier", ChannelRequantization.Select(r => (long)r.Multiplier).ToArray()));
        node.SetAttribute(NodeAttribute.Of("shift", ChannelRequantization.Select(r => (long)r.Shift).ToArray()));
        node.SetAttribute(NodeAttribute.Of("y_min", (long)min));
        node.SetAttribute(NodeAttribute.Of("y_max", (long)max));
        boundary.Dequantize(output, Layer.Output, Output);
    }

    /// <summary>The output clamp: the type's range, narrowed by a Relu (to the zero point) or a Clip (to its quantized bounds).</summary>
    private (int Min, int Max) Clamp() => Layer.Clamp?.Kind switch
    {
        FusedActivationKind.Relu => (Math.Max(Output.Min, Output.ZeroPoint), Output.Max),
        FusedActivationKind.Clip => (Output.Quantize(Layer.Clamp.Alpha), Output.Quantize(Layer.Clamp.Beta)),
        _ => (Output.Min, Output.Max),
    };
}
