using System.Text.Json;
using Aidge.Compiler.Compilation;
using Aidge.Compiler.Inspection;

namespace Aidge.Testing;

/// <summary>A model compiled in-process by one of the compiler's targets (OpenMP by default): the native library and its C symbol prefix.</summary>
public sealed record GeneratedLibrary(string Path, string Prefix)
{
    /// <summary>Compiles <paramref name="modelPath"/> into <paramref name="outputFolder"/>, exactly as <c>aidgec compile --target openmp</c> does.</summary>
    /// <exception cref="InvalidOperationException">The compiler reported an error or built no native library (its message says why).</exception>
    public static GeneratedLibrary Compile(string modelPath, string outputFolder) => Compile(modelPath, outputFolder, CompileDriver.OpenMpTarget, o => o);

    /// <summary>Compiles for <paramref name="target"/> with the options <paramref name="configure"/> makes of the defaults.</summary>
    public static GeneratedLibrary Compile(string modelPath, string outputFolder, string target, Func<CompileOptions, CompileOptions> configure)
    {
        var dims = DimBindings.TryParse([], out _)!;
        var options = configure(new CompileOptions(modelPath, target, outputFolder, ClassName: null, Namespace: null, dims));
        var diagnostics = new StringWriter();
        if (CompileDriver.Run(options, diagnostics) != 0)
        {
            throw new InvalidOperationException($"aidgec compile failed:{Environment.NewLine}{diagnostics}");
        }
        string manifestPath = Directory.GetFiles(outputFolder, "*.aidge.json").Single();
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var root = manifest.RootElement;
        if (!root.GetProperty("nativeBuilt").GetBoolean())
        {
            throw new InvalidOperationException($"{modelPath}: no native library was built: {root.GetProperty("nativeMessage").GetString()}");
        }
        return new GeneratedLibrary(
            System.IO.Path.Combine(outputFolder, root.GetProperty("library").GetString()!),
            root.GetProperty("symbolPrefix").GetString()!);
    }
}
