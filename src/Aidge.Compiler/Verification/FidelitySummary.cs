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
        return $"What {report.Applied} cost, measured by the simulator on {report.Samples} samples ({report.Inputs}): {string.Join(", ", parts)}.";
    }

    public static string BelowThreshold(FidelityReport report, string output)
    {
        var advice = new List<string>();
        if (report.RandomInputs)
        {
            advice.Add("give real inputs (SampleInput) to measure this on data like the model's");
        }
        if (report.Quantized)
        {
            advice.Add("give representative CalibrationData or try another Calibration (percentile, mse, kl)");
        }
        if (report.Pruned)
        {
            advice.Add("lower the Prune ratio, or give sensitive layers their own (Prune=\"0.5;conv1=0.2\")");
        }
        advice.Add("or lower MinAgreement if this is acceptable");
        string todo = string.Join("; ", advice);
        return $"After {report.Applied} the model's top-1 decision on output '{output}' agrees with the original on {Percent(report.Top1Agreement ?? 0)} of " +
            $"{report.Samples} samples ({report.Inputs}), below MinAgreement {Percent(report.MinAgreement)}: {char.ToUpperInvariant(todo[0])}{todo[1..]}.";
    }

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.#} %");
}
