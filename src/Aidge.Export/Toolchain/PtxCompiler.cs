using System.Text.RegularExpressions;

namespace Aidge.Export.Toolchain;

/// <summary>
/// Compiles the device half of a generated .cu to PTX with clang, with no CUDA installed: <c>-x cuda
/// --cuda-device-only -nocudainc -nocudalib</c>, the owned aidge_cuda.h standing in for the CUDA headers. This is the
/// check that the CUDA target's kernels compile on a machine without nvcc or a GPU (CI, the conformance run).
/// clang-14 is the version the recipe was verified with; another clang on PATH is tried after it.
/// </summary>
public static partial class PtxCompiler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly string[] Names = ["clang-14", "clang"];

    /// <summary>Why there is no PTX check on this machine, for messages.</summary>
    public const string MissingMessage = "no clang found (clang-14 or clang on PATH): the CUDA device code cannot be compiled to PTX here; install clang-14";

    /// <summary>The clang to use, or null when none is on PATH.</summary>
    public static string? Find() => Names.Select(CCompilerLocator.Resolve).FirstOrDefault(p => p is not null);

    /// <summary>The arguments compiling <paramref name="source"/> to <paramref name="ptx"/> for one GPU architecture (<c>sm_NN</c>).</summary>
    public static IReadOnlyList<string> Arguments(string source, string ptx, string arch) =>
        ["-x", "cuda", "--cuda-device-only", "-nocudainc", "-nocudalib", $"--cuda-gpu-arch={arch}", "-O2", "-S", source, "-o", ptx];

    /// <summary>Compiles <paramref name="source"/> (in <paramref name="directory"/>, beside aidge_cuda.h) into <paramref name="ptx"/>.</summary>
    public static CompilerRunResult Compile(string clang, string directory, string source, string ptx, string arch) =>
        CompilerRun.Run(clang, Arguments(source, ptx, arch), directory, Timeout);

    /// <summary>The kernels (<c>.entry</c> directives) of a PTX text, in order.</summary>
    public static IReadOnlyList<string> Entries(string ptx) => EntryPattern().Matches(ptx).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\.entry\s+([A-Za-z_$][\w$]*)")]
    private static partial Regex EntryPattern();
}
