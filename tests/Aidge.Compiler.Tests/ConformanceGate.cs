using Aidge.Conformance;

namespace Aidge.Compiler.Tests;

/// <summary>
/// What every target's conformance test asserts once its run is done: the report written to
/// artifacts/conformance/&lt;name&gt;.txt, no claimed case failed, and at least the thresholds.txt line passed.
/// </summary>
public static class ConformanceGate
{
    public static string Artifacts => Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance");

    /// <summary>The conformance data folder, or Inconclusive with how to provide it.</summary>
    public static string RequireData()
    {
        string dataRoot = ConformanceSuite.DataRoot();
        if (!Directory.Exists(dataRoot))
        {
            Assert.Inconclusive($"No ONNX conformance data at {dataRoot}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }
        return dataRoot;
    }

    public static void Check(IReadOnlyList<CaseResult> results, string name, string label, string failure)
    {
        string report = Path.Combine(Artifacts, $"{name}.txt");
        ConformanceReport.Write(report, results);
        var failed = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        int passed = ConformanceReport.Count(results, CaseStatus.Passed);
        int required = Thresholds.Load(Thresholds.DefaultPath)[name];
        string summary = string.Join(Environment.NewLine, ConformanceReport.SummaryLines(results));
        Assert.IsEmpty(failed, $"{failure} (see {report}):{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(50))}{Environment.NewLine}{summary}");
        Assert.IsGreaterThanOrEqualTo(required, passed, $"{label}: {passed} cases passed, thresholds.txt requires {required}.{Environment.NewLine}{summary}");
    }
}
