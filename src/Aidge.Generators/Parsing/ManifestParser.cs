using System.Collections.Generic;
using System.Linq;
using Aidge.Generators.Diagnostics;
using Aidge.Generators.Json;
using Aidge.Generators.Model;
using Aidge.Generators.Naming;

namespace Aidge.Generators.Parsing
{
    /// <summary>
    /// Reads one manifest (contract: the brief's manifest format 1) into the model of the class to generate. Never
    /// throws for bad input: every problem becomes a diagnostic at the position in the manifest where it is.
    /// </summary>
    internal static class ManifestParser
    {
        private const long SupportedFormat = 1;

        public static ManifestParseResult Parse(string manifestPath, string text)
        {
            JsonValue root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonSyntaxException e)
            {
                return Failure(At(GeneratorDiagnostics.ManifestNotJson, manifestPath, e.Position, manifestPath, e.Message));
            }

            try
            {
                return Read(manifestPath, new ManifestFields(root, ""));
            }
            catch (ManifestException e)
            {
                return Failure(At(GeneratorDiagnostics.ManifestInvalid, manifestPath, e.Position, manifestPath, e.Message));
            }
        }

        private static ManifestParseResult Read(string manifestPath, ManifestFields manifest)
        {
            long format = manifest.RequiredInteger("format");
            if (format != SupportedFormat)
            {
                JsonPosition position = manifest.Find("format")!.Position;
                return Failure(At(GeneratorDiagnostics.ManifestFormatUnsupported, manifestPath, position, manifestPath, format.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            string? modelPath = manifest.OptionalString("model");
            string className = CSharpIdentifiers.ClassName(manifest.OptionalString("className"), modelPath, manifestPath);
            if (manifest.RequiredArray("outputs").Count == 0)
            {
                throw manifest.Invalid("outputs", manifest.Find("outputs")!, "must list at least one output");
            }

            var diagnostics = new List<DiagnosticInfo>();
            var tensors = new TensorReader(manifestPath, new TensorNamer(className), diagnostics);
            EquatableArray<TensorSpec> inputs = tensors.ReadAll(manifest, "inputs", "input");
            EquatableArray<TensorSpec> outputs = tensors.ReadAll(manifest, "outputs", "output");

            var model = new ModelClassSpec(
                manifestPath,
                modelPath,
                manifest.OptionalString("target"),
                manifest.OptionalString("producer"),
                manifest.OptionalInteger("opset"),
                manifest.OptionalInteger("parameters"),
                manifest.OptionalInteger("weightBytes"),
                manifest.OptionalInteger("macs"),
                SymbolPrefix(manifest),
                Library(manifest),
                manifest.RequiredBool("nativeBuilt"),
                manifest.OptionalString("nativeMessage"),
                className,
                inputs,
                outputs)
            {
                Namespace = CSharpIdentifiers.Namespace(manifest.OptionalString("namespace")),
            };
            return diagnostics.Count == 0
                ? new ManifestParseResult(model, EquatableArray<DiagnosticInfo>.Empty)
                : new ManifestParseResult(null, diagnostics.ToEquatableArray());
        }

        // The prefix becomes the names of the exports the class looks up; the contract says it is a C identifier.
        private static string SymbolPrefix(ManifestFields manifest)
        {
            string prefix = manifest.RequiredString("symbolPrefix");
            bool valid = prefix.Length > 0
                && !char.IsDigit(prefix[0])
                && prefix.All(c => c == '_' || (c < 128 && char.IsLetterOrDigit(c)));
            return valid ? prefix : throw manifest.Invalid("symbolPrefix", manifest.Find("symbolPrefix")!, "must be a C identifier");
        }

        // The library is loaded from the application's folder, so it must be a plain file name there.
        private static string Library(ManifestFields manifest)
        {
            string library = manifest.RequiredString("library");
            bool valid = library.Length > 0
                && library != "."
                && library != ".."
                && library.IndexOfAny(new[] { '/', '\\', ':' }) < 0
                && !library.Any(char.IsControl);
            return valid ? library : throw manifest.Invalid("library", manifest.Find("library")!, "must be a file name without a directory");
        }

        internal static DiagnosticInfo At(
            Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string manifestPath, JsonPosition position, params string[] arguments) =>
            DiagnosticInfo.At(descriptor, manifestPath, position.Offset, position.Line, position.Column, arguments);

        private static ManifestParseResult Failure(DiagnosticInfo diagnostic) =>
            new ManifestParseResult(null, new[] { diagnostic }.ToEquatableArray());
    }
}
