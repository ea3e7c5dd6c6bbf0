namespace Aidge.Export.Toolchain;

/// <summary>
/// The flags of a native build. Portable by default: <c>-O3</c> without <c>-march=native</c>, because the library is
/// copied with the app to other machines (a publish folder, a container) whose CPU may lack the build machine's vector
/// extensions; the kernels are written so that the portable baseline vectorizes (<c>omp simd</c>). OpenMP always.
/// </summary>
public static class NativeBuild
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The optimization flag for aidgec's --optimize level (O0..O3).</summary>
    public static string OptimizationFlag(string level) => level switch
    {
        "O0" => "-O0",
        "O1" => "-O1",
        "O2" => "-O2",
        _ => "-O3",
    };

    /// <summary>
    /// Arguments compiling <paramref name="sources"/> into the shared library <paramref name="library"/>. The compiler runs
    /// in the sources' folder: <c>.incbin</c> finds the weights file through the assembler's include path (<c>-I.</c>).
    /// </summary>
    public static IReadOnlyList<string> SharedLibraryArguments(IEnumerable<string> sources, string library, string optimize)
    {
        var arguments = new List<string>(CodeFlags(optimize)) { "-shared", "-fvisibility=hidden" };
        if (!OperatingSystem.IsWindows())
        {
            arguments.Add("-fPIC");
        }
        arguments.Add("-Wa,-I.");
        arguments.AddRange(sources);
        arguments.AddRange(["-o", library, "-lm"]);
        return arguments;
    }

    /// <summary>Arguments compiling one C file into a program with the library's code generation flags (the machine probe).</summary>
    public static IReadOnlyList<string> ProgramArguments(string source, string program, string optimize) =>
        [.. CodeFlags(optimize), source, "-o", program, "-lm"];

    /// <summary>The flags that decide the generated code: language level, optimization, OpenMP.</summary>
    private static IEnumerable<string> CodeFlags(string optimize) => ["-std=c99", OptimizationFlag(optimize), "-fopenmp"];
}
