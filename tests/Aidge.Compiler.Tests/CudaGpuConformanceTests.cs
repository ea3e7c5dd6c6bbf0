using Aidge.Conformance;
using Aidge.Conformance.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The ONNX backend conformance suite through the CUDA target on a real GPU (built with nvcc for this machine's GPUs,
/// run through the C ABI): every case the CUDA exporter claims must match the expected outputs, and at least the
/// "cuda-gpu" line of thresholds.txt must pass (set by the run on an H200). Writes
/// artifacts/conformance/cuda-gpu.txt. Needs nvcc and a GPU; without either it is inconclusive, saying which.
/// </summary>
[TestClass]
public sealed class CudaGpuConformanceTests
{
    [TestMethod]
    [Timeout(2_400_000, CooperativeCancellation = true)]
    public void KernelsOnTheGpuPassEveryClaimedCase()
    {
        string dataRoot = ConformanceGate.RequireData();
        if (NvccLocator.Find(null, out _) is not { } nvcc)
        {
            Assert.Inconclusive("No nvcc (CUDA_PATH, PATH or /usr/local/cuda): the GPU conformance run builds with it.");
            return;
        }
        if (CudaDevice.Missing() is { } noGpu)
        {
            Assert.Inconclusive(noGpu);
        }
        var results = CudaGpuConformance.Run(dataRoot, Array.Empty<string>(), Path.Combine(ConformanceGate.Artifacts, "cuda-gpu-build"), nvcc.Path, NvccLocator.NativeArch);
        ConformanceGate.Check(results, Thresholds.CudaGpuKey, "CUDA GPU", "Cases the CUDA exporter claims compute wrong results on the GPU");
    }
}
