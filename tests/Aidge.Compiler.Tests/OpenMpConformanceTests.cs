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
        string dataRoot = ConformanceGate.RequireData();
        if (CCompilerLocator.Find(null, out _) is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the OpenMP conformance run needs one.");
        }
        var results = OpenMpConformance.Run(dataRoot, Array.Empty<string>(), Path.Combine(ConformanceGate.Artifacts, "openmp-build"));
        ConformanceGate.Check(results, Thresholds.OpenMpKey, "OpenMP", "Cases the OpenMP exporter claims failed");
    }
}
