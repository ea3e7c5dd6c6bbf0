using System.Globalization;

namespace Aidge.Compiler.Verification;

/// <summary>The sentences of the fidelity info line (AIDGE3012) and warning (AIDGE3011).</summary>
public static class FidelitySummary
{
    public static string Describe(FidelityReport report)
    {
        var parts = new List<string>();
        if (report.Top1Agreement is double agreement)
        {
            parts.Add($"top-1 agreement {Percent(agreement)}");
        }
        if (report.ReferenceAccuracy is double before && report.OptimizedAccuracy is double after)
        {
            parts.Add($"accuracy {Percent(before)} before, {Percent(after)} after");
        }
        parts.AddRange(report.Outputs.Select(o => o.SnrDb is double snr
            ? string.Create(CultureInfo.InvariantCulture, $"'{o.Name}' SNR {snr:0.0} dB")
            : $"'{o.Name}' {(o.MaxAbsError == 0 ? "unchanged" : "SNR undefined (all-zero output)")}"));
        return $"Pruning/quantization measured by the simulator on {report.Samples} samples ({report.Inputs}): {string.Join(", ", parts)}.";
    }

    public static string BelowThreshold(FidelityReport report, string output) =>
        $"After pruning/quantization the model's top-1 decision on output '{output}' agrees with the original on {Percent(report.Top1Agreement ?? 0)} of " +
        $"{report.Samples} samples ({report.Inputs}), below MinAgreement {Percent(report.MinAgreement)}. " +
        (report.RandomInputs ? "Give real inputs (SampleInput, and CalibrationData for quantization), " : "Give more representative CalibrationData, ") +
        "try another Calibration (percentile, mse, kl), a lower Prune ratio or per-layer overrides, or lower MinAgreement if this is acceptable.";

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.#} %");
}
