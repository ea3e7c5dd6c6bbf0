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
        string dataRoot = ConformanceGate.RequireData();
        string? clang = PtxCompiler.Find();
        if (clang is null)
        {
            Assert.Inconclusive(PtxCompiler.MissingMessage);
            return;
        }
        var results = CudaPtxConformance.Run(dataRoot, Array.Empty<string>(), Path.Combine(ConformanceGate.Artifacts, "cuda-ptx-build"), clang);
        ConformanceGate.Check(results, Thresholds.CudaPtxKey, "CUDA PTX", "Cases the CUDA exporter claims do not compile to PTX");
    }
}
