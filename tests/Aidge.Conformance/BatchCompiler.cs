using Aidge.Export.Toolchain;

namespace Aidge.Conformance;

/// <summary>
/// Compiles many exported cases into one shared library: one compile (<c>-c</c>) per case, as many at once as there are
/// cores, then one link. A case whose source does not compile is left out of the link and reported as failed.
/// </summary>
public static class BatchCompiler
{
    public static (string? Library, IReadOnlyDictionary<string, string> Failures) Build(string directory, IReadOnlyList<string> prefixes, BatchToolchain toolchain)
    {
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<string> prelude = toolchain.Prelude is { } header ? Precompile(directory, header, toolchain) : [];
        Parallel.ForEach(prefixes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, prefix =>
        {
            var result = CompilerRun.Run(toolchain.Compiler, [.. prelude, .. toolchain.CompileArguments(prefix)], directory, NativeBuild.Timeout);
            if (!result.Succeeded)
            {
                failures[prefix] = $"{toolchain.Name}: the generated source does not compile: " + result.Summary(4);
            }
        });
        var objects = prefixes.Where(p => !failures.ContainsKey(p)).Select(p => $"{p}.o").ToList();
        if (objects.Count == 0)
        {
            return (null, failures);
        }
        var link = CompilerRun.Run(toolchain.Compiler, toolchain.LinkArguments(objects, toolchain.LibraryName), directory, NativeBuild.Timeout);
        if (!link.Succeeded)
        {
            throw new InvalidOperationException($"Linking the {toolchain.Name} conformance library failed: " + link.Summary());
        }
        return (Path.Combine(directory, toolchain.LibraryName), failures);
    }

    /// <summary>Writes and precompiles the prelude; the include arguments for the cases (it must compile: the cases include it).</summary>
    private static IReadOnlyList<string> Precompile(string directory, PrecompiledPrelude prelude, BatchToolchain toolchain)
    {
        File.WriteAllText(Path.Combine(directory, PrecompiledPrelude.FileName), prelude.Content);
        var result = CompilerRun.Run(toolchain.Compiler, prelude.PrecompileArguments, directory, NativeBuild.Timeout);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The {toolchain.Name} batch prelude ({string.Join(", ", prelude.Includes)}) does not compile: " + result.Summary());
        }
        return PrecompiledPrelude.IncludeArguments;
    }
}
