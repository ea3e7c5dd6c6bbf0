using Aidge.Conformance;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The conformance check every native target's test makes: run the suite through the target (all cases), write
/// artifacts/conformance/&lt;target&gt;.txt, require every claimed case to pass and at least the target's line of
/// thresholds.txt to pass.
/// </summary>
internal static class NativeConformanceCheck
{
    /// <param name="target">The target's name: its artifact, build folder and thresholds.txt line.</param>
    /// <param name="run">Runs the suite: (data root, build folder) → one result per case.</param>
    public static void RequireEveryClaimedCase(string target, Func<string, string, IReadOnlyList<CaseResult>> run)
    {
        string dataRoot = ConformanceSuite.DataRoot();
        if (!Directory.Exists(dataRoot))
        {
            Assert.Inconclusive($"No ONNX conformance data at {dataRoot}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }
        string artifacts = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance");
        var results = run(dataRoot, Path.Combine(artifacts, $"{target}-build"));
        string report = Path.Combine(artifacts, $"{target}.txt");
        ConformanceReport.Write(report, results);

        var failed = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        int passed = ConformanceReport.Count(results, CaseStatus.Passed);
        int required = Thresholds.Load(Thresholds.DefaultPath)[target];
        string summary = string.Join(Environment.NewLine, ConformanceReport.SummaryLines(results));
        Assert.IsEmpty(failed, $"Cases the {target} target claims failed (see {report}):{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(50))}{Environment.NewLine}{summary}");
        Assert.IsGreaterThanOrEqualTo(required, passed, $"{target}: {passed} cases passed, thresholds.txt requires {required}.{Environment.NewLine}{summary}");
    }
}
