using Aidge.Conformance;
using Aidge.Conformance.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The ONNX backend conformance suite through the CUDA target's kernels run in emulation on the CPU (aidge_cuda.h's
/// AIDGE_CUDA_EMULATE, built with g++): every case the CUDA exporter claims must match the expected outputs, and at
/// least the "cuda-emulated" line of thresholds.txt must pass. Writes artifacts/conformance/cuda-emulated.txt.
/// </summary>
[TestClass]
public sealed class CudaEmulatedConformanceTests
{
    [TestMethod]
    [Timeout(2_400_000, CooperativeCancellation = true)]
    public void EmulatedKernelsPassEveryClaimedCase()
    {
        string dataRoot = ConformanceGate.RequireData();
        if (CCompilerLocator.FindCxx(null, out _) is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the emulated CUDA build needs one.");
        }
        var results = CudaEmulatedConformance.Run(dataRoot, Array.Empty<string>(), Path.Combine(ConformanceGate.Artifacts, "cuda-emulated-build"));
        ConformanceGate.Check(results, Thresholds.CudaEmulatedKey, "CUDA emulated", "Cases the CUDA exporter claims compute wrong results in emulation");
    }
}
