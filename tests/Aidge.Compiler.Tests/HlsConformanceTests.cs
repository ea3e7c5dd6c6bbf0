using Aidge.Conformance;
using Aidge.Conformance.Hls;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The ONNX backend conformance suite through the HLS target's C simulation: every case the HLS planner claims must
/// match the expected outputs, and at least the "hls" line of thresholds.txt must pass. Writes artifacts/conformance/hls.txt.
/// </summary>
[TestClass]
public sealed class HlsConformanceTests
{
    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void CsimPassesEveryClaimedCase()
    {
        string dataRoot = ConformanceSuite.DataRoot();
        if (!Directory.Exists(dataRoot))
        {
            Assert.Inconclusive($"No ONNX conformance data at {dataRoot}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }
        if (CCompilerLocator.FindCxx(null, out _) is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the HLS conformance run needs one.");
        }
        string artifacts = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance");
        var results = HlsConformance.Run(dataRoot, Array.Empty<string>(), Path.Combine(artifacts, "hls-build"));
        string report = Path.Combine(artifacts, "hls.txt");
        ConformanceReport.Write(report, results);

        var failed = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        int passed = ConformanceReport.Count(results, CaseStatus.Passed);
        int required = Thresholds.Load(Thresholds.DefaultPath)[Thresholds.HlsKey];
        string summary = string.Join(Environment.NewLine, ConformanceReport.SummaryLines(results));
        Assert.IsEmpty(failed, $"Cases the HLS exporter claims failed (see {report}):{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(50))}{Environment.NewLine}{summary}");
        Assert.IsGreaterThanOrEqualTo(required, passed, $"HLS: {passed} cases passed, thresholds.txt requires {required}.{Environment.NewLine}{summary}");
    }
}
