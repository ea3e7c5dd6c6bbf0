using Aidge.Core.Graphs;

namespace Aidge.Passes.Quantization;

/// <summary>
/// The quantization parameters of each activation: from its calibrated range, except that the output of a node
/// that passes quantized data through (<see cref="IntegerDomain"/>) takes its input's parameters, so the pair of
/// boundaries around it cancels instead of requantizing in float (its values are a subset of its input's anyway).
/// </summary>
internal static class ActivationParameters
{
    public static Dictionary<Value, QuantizationParameters> Resolve(Graph graph, QuantizationSettings settings)
    {
        var parameters = new Dictionary<Value, QuantizationParameters>();
        void FromRange(Value value)
        {
            if (settings.ActivationRanges.TryGetValue(value.Name, out var range) && float.IsFinite(range.Min) && float.IsFinite(range.Max))
            {
                parameters[value] = QuantizationParameters.FromRange(range, settings.SymmetricActivations);
            }
        }
        foreach (var input in graph.RuntimeInputs)
        {
            FromRange(input);
        }
        foreach (var node in graph.Nodes)
        {
            if (IntegerDomain.DataInputs(node, graph) is { Count: > 0 } inputs && node.Output(0) is { } output
                && inputs.Select(i => node.Input(i) is { } v ? parameters.GetValueOrDefault(v) : null).Distinct().ToList() is [{ } inherited]
                && IntegerDomain.Accepts(node, inherited))
            {
                parameters[output] = inherited;
                continue;
            }
            foreach (var value in node.Outputs.OfType<Value>())
            {
                FromRange(value);
            }
        }
        return parameters;
    }
}
