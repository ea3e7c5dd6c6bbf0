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
}
