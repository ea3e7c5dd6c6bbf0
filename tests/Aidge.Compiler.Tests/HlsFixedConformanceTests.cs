using Aidge.Conformance;
using Aidge.Conformance.Hls;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The ONNX backend conformance suite through fixed-point HLS designs (a precision per case,
/// <see cref="HlsFixedConformance"/>): every case exported must stay within the error bound stated for it, and at least
/// the "hls-fixed" line of thresholds.txt must pass. Writes artifacts/conformance/hls-fixed.txt.
/// </summary>
[TestClass]
public sealed class HlsFixedConformanceTests
{
    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void EveryExportedCaseStaysWithinItsStatedBound()
    {
        string dataRoot = ConformanceGate.RequireData();
        if (CCompilerLocator.FindCxx(null, out _) is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the HLS conformance run needs one.");
        }
        var results = HlsFixedConformance.Run(dataRoot, [], Path.Combine(ConformanceGate.Artifacts, "hls-fixed-build"));
        Assert.IsTrue(results.Where(r => r.Status == CaseStatus.Passed).All(r => r.Reason!.Contains(", bound ", StringComparison.Ordinal)), "every passed case states its bound");
        ConformanceGate.Check(results, Thresholds.HlsFixedKey, "HLS fixed point", "Fixed-point cases left their stated bound");
    }
}
