using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Compilation;

/// <summary>The native library's state after the build step: whether it exists for these sources, and why not.</summary>
public sealed record NativeOutcome(bool Built, string? Message, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>How a toolchain's failures are reported: its name in messages, and the codes of a failed and a stopped run.</summary>
public sealed record ToolchainCodes(string Name, string Failed, string TimedOut)
{
    public static readonly ToolchainCodes CCompiler = new("The C compiler", DiagnosticCodes.CCompilerFailed, DiagnosticCodes.CCompilerTimedOut);
}

/// <summary>
/// Compiles the generated sources into the shared library with the located C compiler. A missing compiler is a warning
/// (sources and manifest still serve design-time builds and other machines); a failing compiler is an error carrying its
/// messages. When neither the sources nor the compiler command changed and the library exists, nothing runs.
/// </summary>
public static class NativeStep
{
    private const string StampFile = "native/build.stamp";

    public static NativeOutcome Build(OutputFolder folder, IReadOnlyList<string> sources, string library, bool sourcesChanged, CompileOptions options)
    {
        string file = options.ModelPath;
        var compiler = CCompilerLocator.Find(options.CCompiler, out string? explicitMissing);
        if (explicitMissing is not null)
        {
            string message = $"The C compiler '{explicitMissing}' (--cc / AidgeCCompiler) does not exist; fix the path or leave it empty to use CC, gcc or clang.";
            return new NativeOutcome(false, message, [Diagnostic.Error(DiagnosticCodes.CCompilerMissing, message, file)]);
        }
        if (compiler is null)
        {
            const string message = "no C compiler found: set AidgeCCompiler or CC, or install gcc or clang";
            return new NativeOutcome(false, message, [Diagnostic.Warning(DiagnosticCodes.NoCCompiler, $"The native library was not built: {message}. The sources are in {folder.PathOf("native")}.", file)]);
        }
        string temporary = library + ".tmp";
        var arguments = NativeBuild.SharedLibraryArguments(sources, Path.Combine("..", temporary), options.Optimize);
        return Run(folder, compiler.Path, arguments, library, sourcesChanged, file, ToolchainCodes.CCompiler);
    }

    /// <summary>
    /// Runs <paramref name="program"/> in the sources' folder (<c>native/</c>) with <paramref name="arguments"/>, which
    /// write <c>../&lt;library&gt;.tmp</c>, then moves that over the library (only when its bytes changed). Skipped when
    /// neither the sources nor the command line changed since the last successful build and the library exists.
    /// </summary>
    public static NativeOutcome Run(OutputFolder folder, string program, IReadOnlyList<string> arguments, string library, bool sourcesChanged, string file, ToolchainCodes codes)
    {
        string temporary = library + ".tmp";
        string stamp = program + "\n" + string.Join("\n", arguments) + "\n";
        bool stampChanged = folder.WriteIfChanged(StampFile, System.Text.Encoding.UTF8.GetBytes(stamp), file);
        if (!sourcesChanged && !stampChanged && File.Exists(folder.PathOf(library)))
        {
            return new NativeOutcome(true, null, []);
        }
        var result = CompilerRun.Run(program, arguments, folder.PathOf("native"), NativeBuild.Timeout);
        if (!result.Succeeded)
        {
            // A failed build must be retried next time even if nothing changed.
            File.Delete(folder.PathOf(StampFile));
            string code = result.ExitCode is null ? codes.TimedOut : codes.Failed;
            string message = result.ExitCode is null
                ? $"{codes.Name} {program} did not finish within {NativeBuild.Timeout.TotalMinutes:0} minutes."
                : $"{codes.Name} {program} failed (exit code {result.ExitCode}) on the generated sources in {folder.PathOf("native")}: {result.Summary()}";
            return new NativeOutcome(false, message, [Diagnostic.Error(code, message, file)]);
        }
        string built = folder.PathOf(temporary);
        folder.WriteIfChanged(library, File.ReadAllBytes(built), file);
        File.Delete(built);
        return new NativeOutcome(true, null, []);
    }
}
