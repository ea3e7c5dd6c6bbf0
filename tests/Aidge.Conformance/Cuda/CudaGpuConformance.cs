using Aidge.Export.C;
using Aidge.Export.Cuda;
using Aidge.Export.Toolchain;

namespace Aidge.Conformance.Cuda;

/// <summary>
/// The conformance suite through the CUDA target on a real GPU: the cases exported exactly as for the emulated run,
/// built with nvcc (one <c>nvcc -c</c> per case, as many at once as there are cores, one link, see
/// <see cref="BatchCompiler"/>), then each run through its C ABI on the device and compared with the expected outputs
/// by the suite's rule. Emulation shows what the kernels compute on the CPU; this shows that nvcc accepts them and that
/// the GPU computes the same. No precompiled prelude: nvcc has no use for g++'s <c>.gch</c>.
/// </summary>
public static class CudaGpuConformance
{
    /// <summary>The same exporter as the emulated run (same claims, same sources), under this run's name.</summary>
    public static readonly ConformanceTarget Target = CudaEmulatedConformance.Target with { Name = "cuda-gpu" };

    /// <param name="nvcc">The nvcc to build with (<see cref="NvccLocator"/>).</param>
    /// <param name="arch"><c>sm_NN</c>, or <see cref="NvccLocator.NativeArch"/> for the GPUs of this machine.</param>
    public static IReadOnlyList<CaseResult> Run(
        string dataRoot, IReadOnlyCollection<string> filters, string buildDirectory, string nvcc, string arch, Action<CaseResult>? progress = null)
    {
        var header = CudaSourceEmitter.Header();
        new OutputFolder(buildDirectory).WriteIfChanged(header.RelativePath, header.Content);
        return NativeCaseRunner.RunSuite(Target, () => Toolchain(nvcc, arch), dataRoot, filters, buildDirectory, progress);
    }

    private static BatchToolchain Toolchain(string nvcc, string arch) => new(
        Target.Name,
        nvcc,
        prefix => NvccLocator.ObjectArguments(CudaSourceEmitter.SourceFile(prefix), $"{prefix}.o", arch),
        NvccLocator.LinkArguments,
        "libaidge_cuda_gpu_conformance.so");
}
