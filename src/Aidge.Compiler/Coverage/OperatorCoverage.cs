using Aidge.Core.Operators;
using Aidge.Export.Kernels;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Coverage;

/// <summary>
/// The support matrix computed from the registries (never written by hand): each operator with the opset
/// ranges its schemas cover, whether the simulator has a kernel for it and whether each target emits it (at every
/// version the schemas cover: "partial" when only some).
/// </summary>
public static class OperatorCoverage
{
    public static IEnumerable<string> MarkdownTable(OperatorRegistry schemas, KernelRegistry kernels, IReadOnlyList<EmitterRegistry> targets)
    {
        yield return "| Operator | Domain | Opsets | Simulator |" + string.Concat(targets.Select(t => $" {t.TargetName} |"));
        yield return "| --- | --- | --- | --- |" + string.Concat(targets.Select(_ => " --- |"));
        var byOperator = schemas.All
            .GroupBy(s => (s.Domain, s.OpType))
            .OrderBy(g => g.Key.Domain, StringComparer.Ordinal)
            .ThenBy(g => g.Key.OpType, StringComparer.Ordinal);
        foreach (var group in byOperator)
        {
            string ranges = string.Join(", ", group.OrderBy(s => s.SinceVersion).Select(Range));
            bool simulated = group.All(s => kernels.Find(s.Domain, s.OpType, s.SinceVersion) is not null);
            string domain = group.Key.Domain.Length == 0 ? "ai.onnx" : group.Key.Domain;
            string columns = string.Concat(targets.Select(t => $" {Support(group, t)} |"));
            yield return $"| {group.Key.OpType} | {domain} | {ranges} | {(simulated ? "yes" : "no")} |{columns}";
        }
    }

    private static string Support(IEnumerable<OpSchema> versions, EmitterRegistry target)
    {
        int emitted = versions.Count(s => target.Find(s.Domain, s.OpType, s.SinceVersion) is not null);
        return emitted == versions.Count() ? "yes" : emitted == 0 ? "no" : "partial";
    }

    private static string Range(OpSchema schema) =>
        schema.LastVersion == int.MaxValue ? $"{schema.SinceVersion}+" : $"{schema.SinceVersion}–{schema.LastVersion}";
}
