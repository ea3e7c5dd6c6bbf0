using System.Text.RegularExpressions;

namespace Aidge.Export.Toolchain;

/// <summary>
/// The GPU architectures the CUDA target accepts (the CudaArch metadata, <c>--cuda-arch</c>): <c>sm_</c> and a compute
/// capability of two or three digits, optionally with nvcc's arch-specific suffix (<c>sm_90a</c>). The value reaches
/// nvcc's and clang's command lines, so nothing else is let through.
/// </summary>
public static partial class CudaArch
{
    public static bool IsValid(string? arch) => arch is not null && Pattern().IsMatch(arch);

    [GeneratedRegex("^sm_[0-9]{2,3}[a-z]?$")]
    private static partial Regex Pattern();
}
