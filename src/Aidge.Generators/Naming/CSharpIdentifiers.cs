using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Aidge.Generators.Naming
{
    /// <summary>
    /// The generator's one C# sanitizer: every identifier it writes (class, namespace, member, parameter) comes from
    /// here, and none is a keyword, starts with a digit, or carries a character outside letters, digits and '_'.
    /// </summary>
    internal static class CSharpIdentifiers
    {
        // Contextual keywords that would change the meaning of the generated code or read badly as a parameter.
        private static readonly HashSet<string> ProblematicContextualKeywords = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "var", "dynamic", "nameof", "await", "async", "value", "global", "field", "scoped", "record", "required", "file",
        };

        public static bool IsKeyword(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || ProblematicContextualKeywords.Contains(name);

        /// <summary>True when <paramref name="name"/> can be written as it is: a valid identifier that is no keyword.</summary>
        public static bool IsUsableAsIs(string name) =>
            SyntaxFacts.IsValidIdentifier(name) && !IsKeyword(name) && name.IndexOf('@') < 0;

        /// <summary>
        /// The class name: the manifest's className when it is already a usable identifier (the user chose it), else the
        /// PascalCase words of className or of the model's file name.
        /// </summary>
        public static string ClassName(string? className, string? modelPath, string manifestPath)
        {
            if (!string.IsNullOrEmpty(className) && IsUsableAsIs(className!))
            {
                return className!;
            }

            string source = !string.IsNullOrWhiteSpace(className) ? className! : ModelStem(modelPath, manifestPath);
            return TypeName(IdentifierWords.Split(source), "Model");
        }

        /// <summary>A PascalCase type or member name; <paramref name="fallback"/> (PascalCase) stands in for missing letters.</summary>
        public static string TypeName(IReadOnlyList<string> words, string fallback)
        {
            string name = IdentifierWords.ToPascalCase(words);
            if (name.Length == 0)
            {
                return fallback;
            }

            if (char.IsDigit(name[0]) || IsKeyword(name))
            {
                name = fallback + name;
            }

            return SyntaxFacts.IsValidIdentifier(name) ? name : fallback + AsciiOnly(name);
        }

        /// <summary>
        /// A namespace written so that it names exactly the namespace the user asked for: segments that are keywords get
        /// the verbatim prefix '@'; characters C# does not allow become '_' (as MSBuild does for RootNamespace).
        /// Null when nothing usable remains (the global namespace).
        /// </summary>
        public static string? Namespace(string? text)
        {
            if (text == null)
            {
                return null;
            }

            string[] segments = text.Split('.')
                .Select(segment => segment.Trim())
                .Where(segment => segment.Length > 0)
                .Select(NamespaceSegment)
                .ToArray();
            return segments.Length == 0 ? null : string.Join(".", segments);
        }

        private static string NamespaceSegment(string segment)
        {
            if (SyntaxFacts.GetKeywordKind(segment) != SyntaxKind.None)
            {
                return "@" + segment;
            }

            var builder = new StringBuilder(segment.Length + 1);
            foreach (char c in segment.Normalize(NormalizationForm.FormC))
            {
                builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) && !char.IsSurrogate(c) ? c : '_');
            }

            if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        // The file name of the model without its extension: /models/mnist-8.onnx -> mnist-8. Manifests may come from
        // another OS, so both separators count.
        private static string ModelStem(string? modelPath, string manifestPath)
        {
            bool fromManifest = string.IsNullOrWhiteSpace(modelPath);
            string fileName = PathNames.FileName(fromManifest ? manifestPath : modelPath!);
            const string ManifestSuffix = ".aidge.json";
            if (fromManifest && fileName.EndsWith(ManifestSuffix, System.StringComparison.OrdinalIgnoreCase))
            {
                return fileName.Substring(0, fileName.Length - ManifestSuffix.Length);
            }

            int extension = fileName.LastIndexOf('.');
            return extension > 0 ? fileName.Substring(0, extension) : fileName;
        }

        // Last resort when letters from other scripts do not form a valid identifier after the fallback prefix.
        private static string AsciiOnly(string name) =>
            new string(name.Where(c => c < 128 && char.IsLetterOrDigit(c)).ToArray());
    }
}
