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
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void EmulatedKernelsPassEveryClaimedCase()
    {
        if (CCompilerLocator.FindCxx(null, out _) is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++): the emulated CUDA build needs one.");
        }
        NativeConformanceCheck.RequireEveryClaimedCase(Thresholds.CudaEmulatedKey, (dataRoot, build) => CudaEmulatedConformance.Run(dataRoot, Array.Empty<string>(), build));
    }
}
