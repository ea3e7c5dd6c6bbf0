using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Export.Hls.FixedPoint;

/// <summary>
/// The most a fixed-point design's outputs can differ from the simulator run on the same graph with its weights rounded
/// to the data format (what the design holds), when no value leaves the format's range. Every conversion into the data
/// format (the inputs, each layer's result) adds at most one conversion error c (a unit of the last place truncating,
/// half of it rounding), and a layer carries its input's error e through its weights:
/// <code>
/// multiply-add layer:  e_out = G·e_in + K·p + c     G = max over outputs of Σ|w| (rounded weights), K terms, p = product truncation (0 when the accumulator keeps 2F bits)
/// Add / Sub:           e_out = e_a + e_b + c
/// average pool:        e_out = e_in + c + d          d = 2^(I-53): the sum is exact in the accumulator, the one division is in double
/// Relu, max pool, copies, reshapes: e_out = e_in (exact on fixed values)
/// </code>
/// These are worst cases (every error the same sign, every weight at its magnitude), so the bound holds for any input;
/// typical errors are far below it. Operators outside these rules have no bound: the design refuses them, and so
/// does a Gemm with alpha or beta other than 1 (the emitters' rule too: a scale would round once more).
/// </summary>
public static class FixedPointErrorBound
{
    private static readonly HashSet<string> Exact = new(StringComparer.Ordinal)
    {
        "Relu", "MaxPool", "GlobalMaxPool", "Flatten", "Reshape", "Squeeze", "Unsqueeze", "Identity", "Transpose", "Concat", "Dropout",
    };

    private static readonly HashSet<string> Activations = new(StringComparer.Ordinal) { "", "Relu" };

    private static readonly string[] Sums = ["Add", "Sub", "AveragePool", "GlobalAveragePool"];

    private static readonly string[] Layers = ["Conv", "FusedConv", "Gemm", "FusedGemm", "MatMul"];

    /// <summary>The operator types the rules cover: the fixed-point emitters (<see cref="HlsEmitters.FixedRegistry"/>) must be exactly these.</summary>
    public static IReadOnlySet<string> Operators { get; } = Exact.Concat(Sums).Concat(Layers).ToHashSet(StringComparer.Ordinal);

    /// <summary>The bound of every graph output, or null with the first node outside the rules.</summary>
    public static IReadOnlyList<double>? Outputs(Graph graph, Func<Value, Tensor?> known, HlsFixedDesign design, out Node? unsupported)
    {
        var errors = Values(graph, known, design, out unsupported);
        return errors is null ? null : graph.Outputs.Select(v => known(v) is not null ? 0 : errors.GetValueOrDefault(v)).ToList();
    }

    /// <summary>The bound of every value the design computes (the graph's inputs included), or null with the first node outside the rules.</summary>
    public static IReadOnlyDictionary<Value, double>? Values(Graph graph, Func<Value, Tensor?> known, HlsFixedDesign design, out Node? unsupported)
    {
        unsupported = null;
        var errors = new Dictionary<Value, double>();
        double c = design.ConversionError;
        foreach (var input in graph.RuntimeInputs)
        {
            errors[input] = input.ElementType == DataType.Float ? c : 0;
        }
        double Error(Value? value) => value is null || known(value) is not null ? 0 : errors.GetValueOrDefault(value);
        foreach (var node in graph.Nodes)
        {
            var outputs = node.Outputs.OfType<Value>().ToList();
            if (outputs.Count > 0 && outputs.All(v => known(v) is not null))
            {
                continue;
            }
            var inputs = node.Inputs.OfType<Value>().ToList();
            double error;
            if (FixedPointLayers.Of(node) is { } layer && known(layer.Weights) is { } weights && Activations.Contains(node.GetString(Core.Operators.Aidge.FusedActivation.ActivationAttribute, ""))
                && !Scaled(node))
            {
                error = Gain(weights, layer, design.Data) * Error(node.Input(0)) + layer.Terms * design.ProductError + c;
            }
            else if (Exact.Contains(node.OpType))
            {
                error = inputs.Select(Error).DefaultIfEmpty(0).Max();
            }
            else if (node.OpType is "Add" or "Sub")
            {
                error = inputs.Sum(Error) + c;
            }
            else if (node.OpType is "AveragePool" or "GlobalAveragePool")
            {
                error = Error(node.Input(0)) + c + design.DivisionError;
            }
            else
            {
                unsupported = node;
                return null;
            }
            foreach (var output in outputs)
            {
                errors[output] = error;
            }
        }
        return errors;
    }

    private static bool Scaled(Node node) => node.OpType is "Gemm" or "FusedGemm" && (node.GetFloat("alpha", 1f) != 1f || node.GetFloat("beta", 1f) != 1f);

    /// <summary>The largest sum of |w| over the weights one output multiplies, the weights rounded to the data format.</summary>
    public static double Gain(Tensor weights, FixedPointLayer layer, FixedPointFormat format)
    {
        long outputs = layer.Terms == 0 ? 0 : weights.Length / layer.Terms;
        double largest = 0;
        for (long o = 0; o < outputs; o++)
        {
            double sum = 0;
            for (long t = 0; t < layer.Terms; t++)
            {
                long index = layer.RowsFirst ? o * layer.Terms + t : t * outputs + o;
                sum += Math.Abs(format.Round(weights.GetDouble((int)index)));
            }
            largest = Math.Max(largest, sum);
        }
        return largest;
    }
}
