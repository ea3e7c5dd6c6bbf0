using System;
using System.Threading;
using Aidge.Generators.Diagnostics;
using Aidge.Generators.Model;
using Aidge.Generators.Naming;
using Aidge.Generators.Parsing;
using Aidge.Generators.Planning;
using Aidge.Generators.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Aidge.Generators
{
    /// <summary>
    /// Turns each Aidge model manifest (an AdditionalFile marked AidgeManifest=true, or named *.aidge.json) into a
    /// typed C# class bound to the model's native library.
    /// </summary>
    /// <remarks>
    /// Pipeline: parse each manifest on its own (cached per file) -> plan the compilation's classes with the project's
    /// settings (namespaces, duplicates, unsafe code) -> emit one file per class. Every step's output is
    /// value-equatable, so an edit that touches no manifest re-emits nothing.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class AidgeModelGenerator : IIncrementalGenerator
    {
        private const string ManifestMetadata = "build_metadata.AdditionalFiles.AidgeManifest";
        private const string ManifestSuffix = ".aidge.json";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ManifestParseResult> manifests = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(pair => IsManifest(pair.Left, pair.Right))
                .Select((pair, cancellationToken) => Parse(pair.Left, cancellationToken))
                .WithTrackingName(TrackingNames.Manifests);

            IncrementalValueProvider<GenerationSettings> settings = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => RootNamespace(options))
                .Combine(context.CompilationProvider.Select((compilation, _) => Capabilities(compilation)))
                .Select((pair, _) => new GenerationSettings(pair.Left, pair.Right.AllowUnsafe, pair.Right.HasNativeLibrary, pair.Right.SupportsFunctionPointers))
                .WithTrackingName(TrackingNames.Settings);

            IncrementalValueProvider<GenerationPlan> plan = manifests.Collect()
                .Combine(settings)
                .Select((pair, _) => GenerationPlanner.Plan(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Plan);

            IncrementalValuesProvider<ModelClassSpec> classes = plan
                .SelectMany((p, _) => p.Classes)
                .WithTrackingName(TrackingNames.Classes);
            context.RegisterSourceOutput(classes, (output, model) =>
                output.AddSource(model.HintName, SourceText.From(ModelClassEmitter.Emit(model), System.Text.Encoding.UTF8)));

            IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = plan
                .Select((p, _) => p.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, (output, infos) =>
            {
                foreach (DiagnosticInfo info in infos)
                {
                    output.ReportDiagnostic(info.ToDiagnostic());
                }
            });
        }

        // The targets mark manifests with metadata; the file name alone is enough for projects that add them by hand.
        // An explicit AidgeManifest=false opts a *.aidge.json file out.
        private static bool IsManifest(AdditionalText file, AnalyzerConfigOptionsProvider options)
        {
            if (options.GetOptions(file).TryGetValue(ManifestMetadata, out string? marked) && !string.IsNullOrEmpty(marked))
            {
                return string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase);
            }

            return file.Path.EndsWith(ManifestSuffix, StringComparison.OrdinalIgnoreCase);
        }

        private static ManifestParseResult Parse(AdditionalText file, CancellationToken cancellationToken)
        {
            SourceText? text = file.GetText(cancellationToken);
            if (text == null)
            {
                return new ManifestParseResult(
                    null,
                    new[] { DiagnosticInfo.AtFile(GeneratorDiagnostics.ManifestInvalid, file.Path, file.Path, "the file could not be read") }.ToEquatableArray());
            }

            return ManifestParser.Parse(file.Path, text.ToString());
        }

        private static string? RootNamespace(AnalyzerConfigOptionsProvider options) =>
            options.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? value) ? CSharpIdentifiers.Namespace(value) : null;

        private static (bool AllowUnsafe, bool HasNativeLibrary, bool SupportsFunctionPointers) Capabilities(Compilation compilation)
        {
            var csharp = compilation as CSharpCompilation;
            return (
                csharp?.Options.AllowUnsafe ?? false,
                compilation.GetTypeByMetadataName("System.Runtime.InteropServices.NativeLibrary") != null,
                csharp != null && csharp.LanguageVersion >= LanguageVersion.CSharp9);
        }
    }
}
