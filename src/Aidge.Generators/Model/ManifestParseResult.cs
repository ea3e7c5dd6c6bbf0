namespace Aidge.Generators.Model
{
    /// <summary>The outcome of reading one manifest: a class to emit (null when the manifest is unusable) and its diagnostics.</summary>
    internal sealed record ManifestParseResult(ModelClassSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
