using System.Diagnostics;
using Aidge.Compiler.Data;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Quantization;
using Aidge.Simulation.Calibration;

namespace Aidge.Compiler.Compilation;

/// <summary>
/// Measures the activation ranges that int8 quantization needs: runs the fp32-optimized (and pruned) graph in the
/// simulator over <c>CalibrationData</c>, or over seeded random samples with warning AIDGE3020 when there is none,
/// and estimates each range by the <c>Calibration</c> method. The samples are run until <see cref="Budget"/> is spent
/// (the first always), so a large calibration set slows a build by a bounded amount; an info line says when it cut.
/// </summary>
public static class CalibrationStep
{
    /// <summary>As many synthetic samples as the verification uses: enough for stable min/max of each activation.</summary>
    public const int SyntheticSamples = VerificationSamples.RandomCount;

    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public static QuantizationSettings Run(Graph graph, CompileOptions options, string file, List<Diagnostic> diagnostics)
    {
        var inputs = InputSlot.Of(graph, file);
        IReadOnlyList<IReadOnlyDictionary<string, Tensor>> samples;
        if (options.CalibrationData is { } path)
        {
            samples = SampleData.Load(path, inputs);
        }
        else
        {
            samples = RandomInputs.Samples(inputs, SyntheticSamples);
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SyntheticCalibration,
                $"Quantize=\"int8\" without CalibrationData: the activation ranges come from {SyntheticSamples} seeded random samples uniform in [-1, 1], not from data like the model's inputs, so int8 accuracy may suffer. Set CalibrationData (--calibration-data) to a .npy of a few hundred representative inputs.", file));
        }
        if (!CalibrationMethods.TryParse(options.Calibration, out var method))
        {
            throw new AidgeException(DiagnosticCodes.InvalidOptionValue, $"Unknown Calibration '{options.Calibration}'; use one of {string.Join(", ", CalibrationMethods.Names)}.", file);
        }
        var statistics = CalibrationStatistics.Collect(graph, WithinBudget(samples), file);
        if (statistics.SampleCount < samples.Count)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CalibrationCutShort, Severity.Info,
                $"Calibration ran {statistics.SampleCount} of the {samples.Count} samples within its {Budget.TotalSeconds:0} s budget.", file));
        }
        var ranges = statistics.Ranges(new RangeEstimationOptions(method));
        return new QuantizationSettings(ranges.ToDictionary(r => r.Key, r => new ValueRange(r.Value.Min, r.Value.Max), StringComparer.Ordinal));
    }

    /// <summary>The samples until the budget is spent (checked between samples, so the first always runs).</summary>
    private static IEnumerable<IReadOnlyDictionary<string, Tensor>> WithinBudget(IReadOnlyList<IReadOnlyDictionary<string, Tensor>> samples)
    {
        var clock = Stopwatch.StartNew();
        foreach (var sample in samples)
        {
            if (clock.Elapsed > Budget)
            {
                yield break;
            }
            yield return sample;
        }
    }
}
