namespace Aidge.Generators.Model
{
    /// <summary>The classes to emit for the whole compilation, after namespaces and duplicate names are resolved.</summary>
    internal sealed record GenerationPlan(EquatableArray<ModelClassSpec> Classes, EquatableArray<DiagnosticInfo> Diagnostics);
}
