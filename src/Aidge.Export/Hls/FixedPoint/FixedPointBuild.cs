using System.Globalization;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Export.Hls.FixedPoint;

/// <summary>
/// A float graph compiled to fixed point: its formats, the error bound of every value it computes (and of each graph
/// output, in output order), against the simulator run on the graph with its float constants rounded to
/// <see cref="HlsFixedDesign.Data"/> (<see cref="RoundedWeights"/>).
/// </summary>
public sealed record FixedPointBuild(HlsFixedDesign Design, IReadOnlyList<double> OutputBounds, IReadOnlyDictionary<Value, double> ValueBounds)
{
    /// <summary>
    /// The fixed-point build of <paramref name="graph"/> at <paramref name="precision"/>, with its diagnostics: null and
    /// AIDGE4044 when no accumulator fits, null and AIDGE4046 on the first node outside the bound's rules, and a
    /// warning AIDGE4047 per node whose constants leave the format's range (they would wrap in the ROM).
    /// </summary>
    public static FixedPointBuild? Analyze(Graph graph, Func<Value, Tensor?> known, FixedPointFormat precision, string file, List<Diagnostic> diagnostics)
    {
        var design = HlsFixedDesign.For(precision, graph, out string? error);
        if (design is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidPrecision, $"Precision '{precision}': {error}. Fix the Precision metadata (or --precision).", file));
            return null;
        }
        var values = FixedPointErrorBound.Values(graph, known, design, out var unsupported);
        if (values is null)
        {
            string activation = unsupported!.GetString(Core.Operators.Aidge.FusedActivation.ActivationAttribute, "");
            string fused = activation.Length > 0 ? $" (with its fused {activation} activation)" : "";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoFixedPointForm,
                $"{unsupported}{fused} has no fixed-point form with an error bound (Precision '{precision}' covers Conv, Gemm and MatMul with constant weights and alpha = beta = 1, Relu as a layer or fused, Add, Sub, max and average pools, and the copies: Reshape, Flatten, Transpose, Concat, ...). Remove the Precision metadata to compute this model in float.",
                file, unsupported.DisplayName));
            return null;
        }
        WarnOutOfRangeConstants(graph, known, precision, file, diagnostics);
        var outputs = graph.Outputs.Select(v => known(v) is not null ? 0 : values.GetValueOrDefault(v)).ToList();
        return new FixedPointBuild(design, outputs, values);
    }

    /// <summary>Whether a graph is int8-quantized (any 8-bit integer value): its quantized layers compute in integers, so a precision does not apply.</summary>
    public static bool IsQuantized(Graph graph) => graph.Values.Any(v => v.ElementType is DataType.Int8 or DataType.UInt8);

    /// <summary>The largest magnitude the data format holds (its largest value; the smallest is one step further).</summary>
    public static double Largest(FixedPointFormat format) => Math.ScaleB(1.0, format.IntegerBits - 1) - format.Step;

    /// <summary>The largest |element| of a tensor.</summary>
    public static double MaxMagnitude(Tensor tensor)
    {
        double largest = 0;
        for (int i = 0; i < tensor.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(tensor.GetDouble(i)));
        }
        return largest;
    }

    private static void WarnOutOfRangeConstants(Graph graph, Func<Value, Tensor?> known, FixedPointFormat precision, string file, List<Diagnostic> diagnostics)
    {
        double largest = Largest(precision);
        foreach (var node in graph.Nodes)
        {
            foreach (var input in node.Inputs.OfType<Value>())
            {
                if (known(input) is not { Type: DataType.Float } tensor)
                {
                    continue;
                }
                double magnitude = MaxMagnitude(tensor);
                if (magnitude > largest + precision.Step)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FixedPointOutOfRange, string.Create(CultureInfo.InvariantCulture,
                        $"The constant '{input.Name}' holds values up to {magnitude:G4} in magnitude, outside Precision '{precision}' (±{largest + precision.Step:G4}): they wrap in the design's ROM. Give the precision more integer bits (the I of fixed<W,I>)."),
                        file, node.DisplayName));
                }
            }
        }
    }
}
