using Aidge.Conformance;
using Aidge.Conformance.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The ONNX backend conformance suite through the CUDA target, to PTX: every case the CUDA exporter claims must have
/// device code that clang compiles, and at least the "cuda-ptx" line of thresholds.txt must pass. Writes
/// artifacts/conformance/cuda-ptx.txt.
/// </summary>
[TestClass]
public sealed class CudaPtxConformanceTests
{
    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void DeviceCodeOfEveryClaimedCaseCompilesToPtx()
    {
        string dataRoot = ConformanceSuite.DataRoot();
        if (!Directory.Exists(dataRoot))
        {
            Assert.Inconclusive($"No ONNX conformance data at {dataRoot}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }
        string? clang = PtxCompiler.Find();
        if (clang is null)
        {
            Assert.Inconclusive(PtxCompiler.MissingMessage);
            return;
        }
        string artifacts = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance");
        var results = CudaPtxConformance.Run(dataRoot, Array.Empty<string>(), Path.Combine(artifacts, "cuda-ptx-build"), clang);
        string report = Path.Combine(artifacts, "cuda-ptx.txt");
        ConformanceReport.Write(report, results);

        var failed = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        int passed = ConformanceReport.Count(results, CaseStatus.Passed);
        int required = Thresholds.Load(Thresholds.DefaultPath)[Thresholds.CudaPtxKey];
        string summary = string.Join(Environment.NewLine, ConformanceReport.SummaryLines(results));
        Assert.IsEmpty(failed, $"Cases the CUDA exporter claims do not compile to PTX (see {report}):{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(50))}{Environment.NewLine}{summary}");
        Assert.IsGreaterThanOrEqualTo(required, passed, $"CUDA PTX: {passed} cases passed, thresholds.txt requires {required}.{Environment.NewLine}{summary}");
    }
}
