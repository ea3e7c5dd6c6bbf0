using Aidge.Conformance;
using Aidge.Conformance.OpenMp;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The ONNX backend conformance suite through the OpenMP C target: every case the exporter claims must match the
/// expected outputs, and at least the "openmp" line of thresholds.txt must pass. Writes artifacts/conformance/openmp.txt.
/// </summary>
[TestClass]
public sealed class OpenMpConformanceTests
{
    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void GeneratedCodePassesEveryClaimedCase()
    {
        string dataRoot = ConformanceSuite.DataRoot();
        if (!Directory.Exists(dataRoot))
        {
            Assert.Inconclusive($"No ONNX conformance data at {dataRoot}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }
        if (CCompilerLocator.Find(null, out _) is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the OpenMP conformance run needs one.");
        }
        string artifacts = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance");
        var results = OpenMpConformance.Run(dataRoot, Array.Empty<string>(), Path.Combine(artifacts, "openmp-build"));
        string report = Path.Combine(artifacts, "openmp.txt");
        ConformanceReport.Write(report, results);

        var failed = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        int passed = ConformanceReport.Count(results, CaseStatus.Passed);
        int required = Thresholds.Load(Thresholds.DefaultPath)[Thresholds.OpenMpKey];
        string summary = string.Join(Environment.NewLine, ConformanceReport.SummaryLines(results));
        Assert.IsEmpty(failed, $"Cases the OpenMP exporter claims failed (see {report}):{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(50))}{Environment.NewLine}{summary}");
        Assert.IsGreaterThanOrEqualTo(required, passed, $"OpenMP: {passed} cases passed, thresholds.txt requires {required}.{Environment.NewLine}{summary}");
    }
}
