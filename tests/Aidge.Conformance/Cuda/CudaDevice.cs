using Aidge.Export.Toolchain;

namespace Aidge.Conformance.Cuda;

/// <summary>
/// Whether this machine has a CUDA GPU, asked of the driver's own tool: <c>nvidia-smi -L</c> lists the GPUs and fails
/// without a driver or a device. Asked before a GPU run, so that a machine without one says so instead of reporting
/// every case as failed (each context's creation fails there).
/// </summary>
public static class CudaDevice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Null when a GPU is listed; otherwise why there is none, for messages.</summary>
    public static string? Missing()
    {
        if (CCompilerLocator.Resolve("nvidia-smi") is not { } smi)
        {
            return "no CUDA GPU: nvidia-smi is not on PATH (no NVIDIA driver)";
        }
        var listed = CompilerRun.Run(smi, ["-L"], Directory.GetCurrentDirectory(), Timeout);
        return listed.Succeeded && listed.Messages.Contains("GPU ", StringComparison.Ordinal)
            ? null
            : "no CUDA GPU: `nvidia-smi -L` lists none: " + listed.Summary(2);
    }
}
