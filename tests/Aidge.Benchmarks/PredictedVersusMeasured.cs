using System.Globalization;
using System.Text.Json;

namespace Aidge.Benchmarks;

/// <summary>
/// The report's predicted latency of a compiled model (the cost model on the build machine's descriptor) against what
/// the same build measured of the library it built: issue #4's acceptance figure. The prediction is for a library that
/// has its cores to itself, like the best timed run; the median also carries the machine's load of the moment.
/// </summary>
internal static class PredictedVersusMeasured
{
    /// <param name="outputFolder">The compile's output folder, where its report.json is.</param>
    public static string Line(string title, string outputFolder)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outputFolder, "report.json")));
        var root = report.RootElement;
        double predicted = root.GetProperty("targets")[0].GetProperty("seconds").GetDouble() * 1e3;
        if (!root.TryGetProperty("measured", out var measured))
        {
            return $"{title} cost model: {Comparison.Duration(predicted)} predicted; the library was not timed";
        }
        double best = measured.GetProperty("bestSeconds").GetDouble() * 1e3;
        double median = measured.GetProperty("medianSeconds").GetDouble() * 1e3;
        return string.Create(CultureInfo.InvariantCulture,
            $"{title} cost model: {Comparison.Duration(predicted)} predicted, measured best {Comparison.Duration(best)} (predicted/best {predicted / best:F2}), median {Comparison.Duration(median)} (predicted/median {predicted / median:F2})");
    }
}
