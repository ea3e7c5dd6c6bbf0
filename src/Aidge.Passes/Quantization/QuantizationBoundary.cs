using Aidge.Core.Graphs;

namespace Aidge.Passes.Quantization;

/// <summary>
/// Writes the QuantizeLinear and DequantizeLinear nodes at the edges of the integer region, with their scale and
/// zero point as initializers. Each float value is quantized once, however many layers read it.
/// </summary>
internal sealed class QuantizationBoundary(Graph graph)
{
    private readonly Dictionary<Value, Value> quantized = new();

    /// <summary>The quantized form of a float value, from one QuantizeLinear shared by every reader.</summary>
    public Value Quantized(Value value, QuantizationParameters parameters)
    {
        if (!quantized.TryGetValue(value, out var result))
        {
            var (scale, zeroPoint) = Constants(value.Name, parameters);
            result = graph.GetOrAddValue(graph.UniqueName($"{value.Name}_quantized"));
            graph.AddNode("QuantizeLinear", [value, scale, zeroPoint], [result], graph.UniqueName($"{value.Name}_quantize"));
            quantized[value] = result;
        }
        return result;
    }

    /// <summary>A DequantizeLinear from <paramref name="source"/> that writes the float value <paramref name="output"/>.</summary>
    public void Dequantize(Value source, Value output, QuantizationParameters parameters)
    {
        var (scale, zeroPoint) = Constants(output.Name, parameters);
        graph.AddNode("DequantizeLinear", [source, scale, zeroPoint], [output], graph.UniqueName($"{output.Name}_dequantize"));
    }

    private (Value Scale, Value ZeroPoint) Constants(string hint, QuantizationParameters parameters) => (
        graph.AddInitializer(graph.UniqueName($"{hint}_scale"), parameters.ScaleTensor()),
        graph.AddInitializer(graph.UniqueName($"{hint}_zero_point"), parameters.ZeroPointTensor()));
}
