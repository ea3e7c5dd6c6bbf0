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
        string dataRoot = ConformanceGate.RequireData();
        if (CCompilerLocator.FindCxx(null, out _) is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the HLS conformance run needs one.");
        }
        var results = HlsConformance.Run(dataRoot, [], Path.Combine(ConformanceGate.Artifacts, "hls-build"));
        ConformanceGate.Check(results, Thresholds.HlsKey, "HLS", "Cases the HLS exporter claims failed");
    }
}
