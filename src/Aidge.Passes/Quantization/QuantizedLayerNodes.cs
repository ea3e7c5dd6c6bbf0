using Aidge.Core.Graphs;
using Aidge.Core.Operators.Aidge;

namespace Aidge.Passes.Quantization;

/// <summary>Writes one QConv or QGemm node with its requantization attributes, for quantize-int8 and lower-qdq alike.</summary>
internal static class QuantizedLayerNodes
{
    /// <summary>
    /// The integer multiplier and shift of each channel for x_scale·w_scale[c]/y_scale, the ratio computed in float32
    /// as ONNX's reference does for QLinearConv (the float32 scales, so the closest multiplier to what its float requantization uses); null when a ratio is out of the representable range.
    /// </summary>
    public static (int Multiplier, int Shift)[]? ChannelRequantization(float inputScale, float[] weightScales, float outputScale)
    {
        var result = new (int, int)[weightScales.Length];
        for (int c = 0; c < result.Length; c++)
        {
            double ratio = inputScale * weightScales[c] / outputScale;
            if (!(ratio > 0) || ratio >= Math.ScaleB(1.0, 30))
            {
                return null;
            }
            result[c] = Requantization.FromReal(ratio);
        }
        return result;
    }

    public static Node Add(Graph graph, string opType, string name, Value input, Value weights, Value? bias, Value output, IEnumerable<NodeAttribute> geometry,
        (int X, int Y) zeroPoints, IReadOnlyList<(int Multiplier, int Shift)> requantization, (int Min, int Max) clamp)
    {
        var node = graph.AddNode(opType, bias is null ? [input, weights] : [input, weights, bias], [output], name, AidgeDomain.Name);
        foreach (var attribute in geometry)
        {
            node.SetAttribute(attribute);
        }
        node.SetAttribute(NodeAttribute.Of("x_zero_point", (long)zeroPoints.X));
        node.SetAttribute(NodeAttribute.Of("y_zero_point", (long)zeroPoints.Y));
        node.SetAttribute(NodeAttribute.Of("multiplier", requantization.Select(r => (long)r.Multiplier).ToArray()));
        node.SetAttribute(NodeAttribute.Of("shift", requantization.Select(r => (long)r.Shift).ToArray()));
        node.SetAttribute(NodeAttribute.Of("y_min", (long)clamp.Min));
        node.SetAttribute(NodeAttribute.Of("y_max", (long)clamp.Max));
        return node;
    }
}
