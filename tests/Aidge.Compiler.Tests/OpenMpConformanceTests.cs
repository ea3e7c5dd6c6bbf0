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
        if (CCompilerLocator.Find(null, out _) is null)
        {
            Assert.Inconclusive("No C compiler (CC, gcc or clang): the OpenMP conformance run needs one.");
        }
        NativeConformanceCheck.RequireEveryClaimedCase(Thresholds.OpenMpKey, (dataRoot, build) => OpenMpConformance.Run(dataRoot, Array.Empty<string>(), build));
    }
}
