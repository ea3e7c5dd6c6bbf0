using Aidge.Conformance;
using Aidge.Conformance.Hls;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The ONNX backend conformance cases of the operators typical CNNs and MLPs are made of, through fixed-point HLS
/// designs (a precision per case, <see cref="HlsFixedConformance"/>): every case exported must stay within the error
/// bound stated for it. A filtered subset (about a minute on 2 cores, where the whole suite takes far longer), so CI
/// keeps it; <c>dotnet run --project tests/Aidge.Conformance -c Release -- --target hls-fixed</c> runs them all and
/// writes artifacts/conformance/hls-fixed.txt, which thresholds.txt's "hls-fixed" line gates.
/// </summary>
[TestClass]
public sealed class HlsFixedConformanceTests
{
    /// <summary>The cases run here: the layers of the fixed-point registry and the PyTorch-converted networks built from them.</summary>
    private static readonly string[] Filters = ["test_relu", "test_maxpool", "test_averagepool", "test_add", "test_flatten", "test_gemm", "test_globalaveragepool", "pytorch-converted/test_Conv2d", "pytorch-converted/test_Linear"];

    /// <summary>The least number of those that must pass (counted on the run that set it; raise it as support grows).</summary>
    private const int RequiredPassing = 72;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void EveryExportedCaseStaysWithinItsStatedBound()
    {
        string dataRoot = ConformanceGate.RequireData();
        if (CCompilerLocator.FindCxx(null, out _) is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the HLS conformance run needs one.");
        }
        var results = HlsFixedConformance.Run(dataRoot, Filters, Path.Combine(ConformanceGate.Artifacts, "hls-fixed-subset-build"));
        foreach (var line in ConformanceReport.SummaryLines(results))
        {
            TestContext.WriteLine(line);
        }
        var failed = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        Assert.IsEmpty(failed, string.Join(Environment.NewLine, failed));
        Assert.IsTrue(results.Where(r => r.Status == CaseStatus.Passed).All(r => r.Reason!.Contains(", bound ", StringComparison.Ordinal)), "every passed case states its bound");
        Assert.IsGreaterThanOrEqualTo(RequiredPassing, ConformanceReport.Count(results, CaseStatus.Passed));
    }
}
