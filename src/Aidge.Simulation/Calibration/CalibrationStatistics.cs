using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Calibration;

/// <summary>
/// Per-activation statistics of a graph over calibration samples: the simulator runs every sample keeping the
/// intermediates, and each float32 activation (graph inputs and node outputs; not weights) feeds its
/// <see cref="ValueHistogram"/>. Ranges for any method then come from the same statistics, so comparing methods
/// costs one pass over the samples.
/// </summary>
public sealed class CalibrationStatistics
{
    private readonly Dictionary<string, ValueHistogram> histograms;

    private CalibrationStatistics(Dictionary<string, ValueHistogram> histograms, int sampleCount)
    {
        this.histograms = histograms;
        SampleCount = sampleCount;
    }

    public int SampleCount { get; }

    /// <summary>The statistics of each float activation, by value name.</summary>
    public IReadOnlyDictionary<string, ValueHistogram> Values => histograms;

    /// <summary>Runs <paramref name="graph"/> on each sample (one feed per sample, by input name) and records every float activation.</summary>
    public static CalibrationStatistics Collect(Graph graph, IEnumerable<IReadOnlyDictionary<string, Tensor>> samples, string? file = null,
        CancellationToken cancellation = default)
    {
        var activations = graph.RuntimeInputs.Concat(graph.Nodes.SelectMany(n => n.Outputs).OfType<Value>())
            .Select(v => v.Name)
            .ToHashSet(StringComparer.Ordinal);
        var interpreter = new Interpreter(graph, file: file, cancellation: cancellation);
        var histograms = new Dictionary<string, ValueHistogram>(StringComparer.Ordinal);
        int count = 0;
        foreach (var sample in samples)
        {
            var feeds = sample.ToDictionary(s => s.Key, s => (object?)s.Value, StringComparer.Ordinal);
            foreach (var (name, result) in interpreter.Run(feeds, keepIntermediates: true))
            {
                if (result is Tensor { Type: DataType.Float } tensor && activations.Contains(name))
                {
                    if (!histograms.TryGetValue(name, out var histogram))
                    {
                        histograms[name] = histogram = new ValueHistogram();
                    }
                    histogram.Add(tensor.Span<float>());
                }
            }
            count++;
        }
        return new CalibrationStatistics(histograms, count);
    }

    /// <summary>The range of every activation that saw a finite value, by value name.</summary>
    public IReadOnlyDictionary<string, (float Min, float Max)> Ranges(RangeEstimationOptions options)
    {
        var ranges = new Dictionary<string, (float Min, float Max)>(StringComparer.Ordinal);
        foreach (var (name, histogram) in histograms)
        {
            if (RangeEstimation.Estimate(histogram, options) is { } range)
            {
                ranges[name] = range;
            }
        }
        return ranges;
    }
}
