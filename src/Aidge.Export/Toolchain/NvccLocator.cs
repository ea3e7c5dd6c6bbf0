namespace Aidge.Export.Toolchain;

/// <summary>
/// Finds nvcc for the CUDA target: an explicit path (the AidgeCudaPath property / --nvcc: nvcc itself, or a CUDA
/// folder holding bin/nvcc) first, then CUDA_PATH's bin folder, then PATH, then the toolkit's default install folder.
/// An explicit path that names nothing is an error, not a silent fallback.
/// </summary>
public static class NvccLocator
{
    private const string DefaultInstall = "/usr/local/cuda";

    /// <summary>The nvcc, or null when none is found; <paramref name="explicitMissing"/> is set when --nvcc names nothing.</summary>
    public static CCompiler? Find(string? explicitPath, out string? explicitMissing)
    {
        explicitMissing = null;
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            string path = explicitPath.Trim();
            if ((InFolder(path) ?? CCompilerLocator.Resolve(path)) is { } found)
            {
                return new CCompiler(found, "--nvcc");
            }
            explicitMissing = path;
            return null;
        }
        if (Environment.GetEnvironmentVariable("CUDA_PATH") is { Length: > 0 } cudaPath && InFolder(cudaPath.Trim()) is { } fromEnvironment)
        {
            return new CCompiler(fromEnvironment, "CUDA_PATH");
        }
        if (CCompilerLocator.Resolve("nvcc") is { } onPath)
        {
            return new CCompiler(onPath, "PATH");
        }
        return !OperatingSystem.IsWindows() && InFolder(DefaultInstall) is { } installed ? new CCompiler(installed, DefaultInstall) : null;
    }

    /// <summary>bin/nvcc of a CUDA folder, when <paramref name="folder"/> is one.</summary>
    private static string? InFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }
        string nvcc = Path.Combine(folder, "bin", OperatingSystem.IsWindows() ? "nvcc.exe" : "nvcc");
        return File.Exists(nvcc) ? Path.GetFullPath(nvcc) : null;
    }

    /// <summary>
    /// nvcc's arguments building <paramref name="source"/> into the shared library <paramref name="library"/> for one
    /// GPU architecture; it runs in the sources' folder, where .incbin finds the weights file.
    /// </summary>
    public static IReadOnlyList<string> SharedLibraryArguments(string source, string library, string arch) =>
        ["-shared", "-Xcompiler", "-fPIC", "-O3", $"-arch={arch}", source, "-o", library];

    /// <summary>
    /// The architecture that makes nvcc build for the GPUs of the machine it runs on (<c>-arch=native</c>, accepted
    /// since CUDA 11.5): for a build that runs where it is compiled, such as the conformance batch on a GPU machine.
    /// </summary>
    public const string NativeArch = "native";

    /// <summary>
    /// nvcc's arguments compiling one .cu (run in its folder) into an object file for a shared library linked by
    /// <see cref="LinkArguments"/>. -O2 (the host half; ptxas optimizes device code fully regardless): a check build
    /// of hundreds of small files, not the shipped library.
    /// </summary>
    public static IReadOnlyList<string> ObjectArguments(string source, string objectFile, string arch) =>
        ["-Xcompiler", "-fPIC", "-O2", $"-arch={arch}", "-c", source, "-o", objectFile];

    /// <summary>nvcc's arguments linking objects built by <see cref="ObjectArguments"/> into one shared library (the CUDA runtime linked in statically, nvcc's default).</summary>
    public static IReadOnlyList<string> LinkArguments(IEnumerable<string> objects, string library) =>
        ["-shared", .. objects, "-o", library];
}
