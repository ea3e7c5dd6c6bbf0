using Aidge.Conformance;

namespace Aidge.Simulation.Tests.Conformance;

/// <summary>
/// The ONNX backend conformance suite through import, shape inference and the simulator. Writes
/// artifacts/conformance/simulator.txt. Fails when a case fails for an operator the registry claims, or when
/// a folder passes fewer cases than thresholds.txt requires.
/// </summary>
[TestClass]
public sealed class ConformanceTests
{
    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void SimulatorPassesTheOnnxBackendSuite()
    {
        string dataRoot = ConformanceSuite.DataRoot();
        if (!Directory.Exists(dataRoot))
        {
            Assert.Inconclusive($"No ONNX conformance data at {dataRoot}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }

        var results = ConformanceSuite.Run(dataRoot, Array.Empty<string>());
        string report = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance", "simulator.txt");
        ConformanceReport.Write(report, results);

        var failed = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        var thresholds = Thresholds.Load(Thresholds.DefaultPath);
        var belowThreshold = thresholds
            .Where(t => ConformanceSuite.Folders.Contains(t.Key))
            .Select(t => (Folder: t.Key, Required: t.Value, Passed: ConformanceReport.Count(results.Where(r => r.Folder == t.Key), CaseStatus.Passed)))
            .Where(t => t.Passed < t.Required)
            .Select(t => $"{t.Folder}: {t.Passed} passed, threshold {t.Required}")
            .ToList();

        string summary = string.Join(Environment.NewLine, ConformanceReport.SummaryLines(results));
        Assert.IsEmpty(failed, $"Cases failed for operators the registry claims (see {report}):{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(50))}{Environment.NewLine}{summary}");
        Assert.IsEmpty(belowThreshold, $"Fewer passing cases than thresholds.txt requires:{Environment.NewLine}{string.Join(Environment.NewLine, belowThreshold)}");
    }
}
