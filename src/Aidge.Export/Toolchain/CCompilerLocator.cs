namespace Aidge.Export.Toolchain;

/// <summary>Where a C compiler was found, and how (for messages).</summary>
public sealed record CCompiler(string Path, string Source);

/// <summary>
/// Finds the C compiler: an explicit path (the AidgeCCompiler property / --cc) first, then the CC environment variable,
/// then gcc, then clang on PATH. An explicit path that does not exist is an error, not a silent fallback. The C++
/// compiler (the CUDA emulation build) is found the same way through CXX, g++ and clang++.
/// </summary>
public static class CCompilerLocator
{
    private static readonly string[] DefaultNames = ["gcc", "clang"];

    private static readonly string[] DefaultCxxNames = ["g++", "clang++"];

    /// <summary>The compiler, or null when none is found; <paramref name="explicitMissing"/> is set when --cc names nothing.</summary>
    public static CCompiler? Find(string? explicitPath, out string? explicitMissing) => Find(explicitPath, "CC", DefaultNames, out explicitMissing);

    /// <summary>The C++ compiler: the explicit path, else CXX, else g++ or clang++ on PATH; null when none is found.</summary>
    public static CCompiler? FindCxx(string? explicitPath, out string? explicitMissing) => Find(explicitPath, "CXX", DefaultCxxNames, out explicitMissing);

    private static CCompiler? Find(string? explicitPath, string variable, string[] defaultNames, out string? explicitMissing)
    {
        explicitMissing = null;
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (Resolve(explicitPath) is { } found)
            {
                return new CCompiler(found, "--cc");
            }
            explicitMissing = explicitPath;
            return null;
        }
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } cc && Resolve(cc.Trim()) is { } fromEnvironment)
        {
            return new CCompiler(fromEnvironment, variable);
        }
        foreach (string name in defaultNames)
        {
            if (Resolve(name) is { } onPath)
            {
                return new CCompiler(onPath, "PATH");
            }
        }
        return null;
    }

    /// <summary>A rooted or relative path to an existing file, or a bare name searched on PATH (with .exe on Windows).</summary>
    public static string? Resolve(string program)
    {
        if (program.Contains(System.IO.Path.DirectorySeparatorChar) || program.Contains(System.IO.Path.AltDirectorySeparatorChar))
        {
            return File.Exists(program) ? System.IO.Path.GetFullPath(program) : null;
        }
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", string.Empty] : [string.Empty];
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string suffix in suffixes)
            {
                string candidate = System.IO.Path.Combine(directory, program + suffix);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
