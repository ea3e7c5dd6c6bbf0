using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Aidge.Generators.Tests;

/// <summary>Runs the generator over in-memory manifests and compiles what it produced, strictly.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    // DocumentationMode.Diagnose makes malformed XML docs (an unescaped name) a warning, and warnings are errors here.
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation Compilation(string source = "", bool allowUnsafe = true, string? assemblyName = null) =>
        CSharpCompilation.Create(
            assemblyName ?? "GeneratorTest" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "User.cs")],
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: allowUnsafe,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver Driver(
        IEnumerable<AdditionalText> manifests, string? rootNamespace = null, IReadOnlyDictionary<string, string>? fileMetadata = null)
    {
        var globals = new Dictionary<string, string>();
        if (rootNamespace != null)
        {
            globals["build_property.RootNamespace"] = rootNamespace;
        }

        return CSharpGeneratorDriver.Create(
            [new AidgeModelGenerator().AsSourceGenerator()],
            manifests,
            ParseOptions,
            new OptionsProvider(globals, fileMetadata ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once; the result carries the generated files, the generator's diagnostics and the compiled output.</summary>
    public static GeneratorOutcome Run(
        IEnumerable<(string Path, string Json)> manifests,
        string source = "",
        bool allowUnsafe = true,
        string? rootNamespace = null)
    {
        CSharpCompilation compilation = Compilation(source, allowUnsafe);
        GeneratorDriver driver = Driver(manifests.Select(m => (AdditionalText)new InMemoryText(m.Path, m.Json)), rootNamespace)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorOutcome(driver.GetRunResult(), diagnostics, (CSharpCompilation)output);
    }

    public static GeneratorOutcome Run(params TestManifest[] manifests) =>
        Run(manifests.Select(m => ($"/obj/aidge/{m.ClassName ?? "model"}/{m.ClassName ?? "model"}.aidge.json", m.ToJson())));

    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    /// <summary>Build properties for the whole compilation and AdditionalFiles metadata keyed by file path.</summary>
    private sealed class OptionsProvider(IReadOnlyDictionary<string, string> globals, IReadOnlyDictionary<string, string> fileMetadata)
        : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(fileMetadata.TryGetValue(textFile.Path, out string? marked)
                ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.AidgeManifest"] = marked }
                : new Dictionary<string, string>());
    }

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

public sealed record GeneratorOutcome(GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> GeneratorDiagnostics, CSharpCompilation Output)
{
    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public string Single() => Result.Results.Single().GeneratedSources.Single().SourceText.ToString();

    public IReadOnlyList<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

    /// <summary>Fails with every compiler error and warning (warnings are errors in these compilations) of the output.</summary>
    public void AssertCompiles()
    {
        Assert.IsTrue(GeneratorDiagnostics.IsEmpty, string.Join("\n", GeneratorDiagnostics));
        Diagnostic[] problems = Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.AreEqual(0, problems.Length, string.Join("\n", problems.Select(d => d.ToString())) + "\n" + string.Join("\n", Result.GeneratedTrees.Select(t => t.ToString())));
    }
}
