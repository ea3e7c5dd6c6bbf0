using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Compilation;

/// <summary>The native library's state after the build step: whether it exists for these sources, and why not.</summary>
public sealed record NativeOutcome(bool Built, string? Message, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// One toolchain as the build step sees it: what it is called in messages, the compiler found (or the explicit path
/// that names nothing), how to point at one, the diagnostic codes of its four outcomes, and its stamp file.
/// </summary>
public sealed record NativeToolchain(
    string Kind,
    CCompiler? Compiler,
    string? ExplicitMissing,
    string ExplicitOption,
    string HowToFind,
    string MissingCode,
    string NotFoundCode,
    string FailedCode,
    string TimedOutCode,
    string StampFile)
{
    /// <summary>The C compiler of the OpenMP target (--cc / AidgeCCompiler, CC, gcc, clang).</summary>
    public static NativeToolchain C(CompileOptions options)
    {
        var compiler = CCompilerLocator.Find(options.CCompiler, out string? missing);
        return new NativeToolchain("C compiler", compiler, missing, "--cc / AidgeCCompiler", "set AidgeCCompiler or CC, or install gcc or clang",
            DiagnosticCodes.CCompilerMissing, DiagnosticCodes.NoCCompiler, DiagnosticCodes.CCompilerFailed, DiagnosticCodes.CCompilerTimedOut, "native/build.stamp");
    }
}

/// <summary>
/// Compiles the generated sources into the shared library with the located compiler. A missing compiler is a warning
/// (sources and manifest still serve design-time builds and other machines); a failing compiler is an error carrying its
/// messages. When neither the sources nor the compiler command changed and the library exists, nothing runs.
/// </summary>
public static class NativeStep
{
    public static NativeOutcome Build(OutputFolder folder, IReadOnlyList<string> sources, string library, bool sourcesChanged, CompileOptions options) =>
        Build(folder, NativeToolchain.C(options), library, sourcesChanged, options.ModelPath,
            temporary => NativeBuild.SharedLibraryArguments(sources, temporary, options.Optimize));

    /// <summary>
    /// Runs <paramref name="toolchain"/> in <c>native/</c> with the arguments <paramref name="arguments"/> gives for the
    /// temporary library path (relative to <c>native/</c>), then moves the library into place if its bytes changed.
    /// </summary>
    public static NativeOutcome Build(OutputFolder folder, NativeToolchain toolchain, string library, bool sourcesChanged, string file, Func<string, IReadOnlyList<string>> arguments)
    {
        if (toolchain.ExplicitMissing is not null)
        {
            string message = $"The {toolchain.Kind} '{toolchain.ExplicitMissing}' ({toolchain.ExplicitOption}) does not exist; fix the path or leave it empty to search: {toolchain.HowToFind}.";
            return new NativeOutcome(false, message, [Diagnostic.Error(toolchain.MissingCode, message, file)]);
        }
        if (toolchain.Compiler is not { } compiler)
        {
            string reason = $"no {toolchain.Kind} found: {toolchain.HowToFind}";
            return new NativeOutcome(false, reason, [Diagnostic.Warning(toolchain.NotFoundCode, $"The native library was not built: {reason}. The sources are in {folder.PathOf("native")}.", file)]);
        }
        string temporary = library + ".tmp";
        var commandLine = arguments(Path.Combine("..", temporary));
        string stamp = compiler.Path + "\n" + string.Join("\n", commandLine) + "\n";
        bool stampChanged = folder.WriteIfChanged(toolchain.StampFile, System.Text.Encoding.UTF8.GetBytes(stamp), file);
        if (!sourcesChanged && !stampChanged && File.Exists(folder.PathOf(library)))
        {
            return new NativeOutcome(true, null, []);
        }
        var result = CompilerRun.Run(compiler.Path, commandLine, folder.PathOf("native"), NativeBuild.Timeout);
        if (!result.Succeeded)
        {
            // A failed build must be retried next time even if nothing changed.
            File.Delete(folder.PathOf(toolchain.StampFile));
            string code = result.ExitCode is null ? toolchain.TimedOutCode : toolchain.FailedCode;
            string message = result.ExitCode is null
                ? $"The {toolchain.Kind} {compiler.Path} did not finish within {NativeBuild.Timeout.TotalMinutes:0} minutes."
                : $"The {toolchain.Kind} {compiler.Path} failed (exit code {result.ExitCode}) on the generated sources in {folder.PathOf("native")}: {result.Summary()}";
            return new NativeOutcome(false, message, [Diagnostic.Error(code, message, file)]);
        }
        string built = folder.PathOf(temporary);
        folder.WriteIfChanged(library, File.ReadAllBytes(built), file);
        File.Delete(built);
        return new NativeOutcome(true, null, []);
    }
}
