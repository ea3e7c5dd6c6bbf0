using Aidge.Export.Toolchain;

namespace Aidge.Conformance.OpenMp;

/// <summary>
/// Compiles many exported cases into one shared library: one <c>gcc -c</c> per case, as many at once as there are
/// cores, then one link. A case whose C does not compile is left out of the link and reported as failed.
/// </summary>
public static class BatchCompiler
{
    public const string LibraryName = "libaidge_conformance.so";

    public static (string? Library, IReadOnlyDictionary<string, string> Failures) Build(string directory, IReadOnlyList<string> prefixes, string compiler)
    {
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(prefixes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, prefix =>
        {
            var result = CompilerRun.Run(compiler, ["-std=c99", "-O2", "-fopenmp", "-fPIC", "-fvisibility=hidden", "-Wa,-I.", "-c", $"{prefix}.c", "-o", $"{prefix}.o"], directory, NativeBuild.Timeout);
            if (!result.Succeeded)
            {
                failures[prefix] = "generated C does not compile: " + result.Summary(4);
            }
        });
        var objects = prefixes.Where(p => !failures.ContainsKey(p)).Select(p => $"{p}.o").ToList();
        if (objects.Count == 0)
        {
            return (null, failures);
        }
        var link = CompilerRun.Run(compiler, ["-shared", "-fopenmp", .. objects, "-o", LibraryName, "-lm"], directory, NativeBuild.Timeout);
        if (!link.Succeeded)
        {
            throw new InvalidOperationException("Linking the conformance library failed: " + link.Summary());
        }
        return (Path.Combine(directory, LibraryName), failures);
    }
}
