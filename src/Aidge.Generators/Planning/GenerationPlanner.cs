using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Aidge.Generators.Diagnostics;
using Aidge.Generators.Model;

namespace Aidge.Generators.Planning
{
    /// <summary>
    /// Decides, for the whole compilation, which classes to emit: it places each model in its namespace, refuses
    /// projects that cannot host the generated code, reports models that would declare the same type, and gives each
    /// file a unique hint name.
    /// </summary>
    internal static class GenerationPlanner
    {
        public static GenerationPlan Plan(ImmutableArray<ManifestParseResult> manifests, GenerationSettings settings)
        {
            // Additional files arrive in project order; sorting makes the first of two duplicates the same everywhere.
            ManifestParseResult[] ordered = manifests
                .OrderBy(result => result.Model?.ManifestPath ?? result.Diagnostics.FirstOrDefault()?.FilePath, System.StringComparer.Ordinal)
                .ToArray();
            var diagnostics = ordered.SelectMany(result => result.Diagnostics).ToList();
            ModelClassSpec[] models = ordered.Where(result => result.Model != null).Select(result => result.Model!).ToArray();
            Microsoft.CodeAnalysis.DiagnosticDescriptor? refusal = Refusal(settings);
            if (refusal != null)
            {
                diagnostics.AddRange(models.Select(model => DiagnosticInfo.AtFile(refusal, model.ManifestPath, model.ManifestPath)));
                return new GenerationPlan(EquatableArray<ModelClassSpec>.Empty, diagnostics.ToEquatableArray());
            }

            var classes = new List<ModelClassSpec>();
            var declaringManifest = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var hintNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (ModelClassSpec parsed in models)
            {
                ModelClassSpec model = parsed with { Namespace = parsed.Namespace ?? settings.RootNamespace };
                string[] typeNames = DeclaredTypes(model).ToArray();
                string? clash = typeNames.FirstOrDefault(declaringManifest.ContainsKey);
                if (clash != null)
                {
                    diagnostics.Add(DiagnosticInfo.AtFile(
                        GeneratorDiagnostics.DuplicateClassName, model.ManifestPath, declaringManifest[clash], model.ManifestPath, clash));
                    continue;
                }

                foreach (string typeName in typeNames)
                {
                    declaringManifest.Add(typeName, model.ManifestPath);
                }

                classes.Add(model with { HintName = UniqueHintName(model, hintNames) });
            }

            return new GenerationPlan(classes.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static Microsoft.CodeAnalysis.DiagnosticDescriptor? Refusal(GenerationSettings settings)
        {
            if (!settings.HasNativeLibrary || !settings.SupportsFunctionPointers)
            {
                return GeneratorDiagnostics.TargetFrameworkUnsupported;
            }

            return settings.AllowUnsafe ? null : GeneratorDiagnostics.UnsafeBlocksRequired;
        }

        private static IEnumerable<string> DeclaredTypes(ModelClassSpec model)
        {
            string prefix = model.Namespace == null ? "" : model.Namespace + ".";
            yield return prefix + model.ClassName;
            if (model.OutputsRecordName != null)
            {
                yield return prefix + model.OutputsRecordName;
            }
        }

        // Hint names compare without case, and C# names do not: Digits and DIGITS are two classes but need two files.
        private static string UniqueHintName(ModelClassSpec model, HashSet<string> taken)
        {
            string stem = (model.Namespace == null ? "" : model.Namespace.Replace("@", "") + ".") + model.ClassName;
            string hintName = stem + ".g.cs";
            for (int suffix = 2; !taken.Add(hintName); suffix++)
            {
                hintName = $"{stem}.{suffix.ToString(System.Globalization.CultureInfo.InvariantCulture)}.g.cs";
            }

            return hintName;
        }
    }
}
