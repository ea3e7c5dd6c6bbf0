using Aidge.Core.Operators;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Coverage;

/// <summary>
/// The support matrix computed from the registries (never written by hand): each operator with the opset
/// ranges its schemas cover and whether the simulator has a kernel for it.
/// </summary>
public static class OperatorCoverage
{
    public static IEnumerable<string> MarkdownTable(OperatorRegistry schemas, KernelRegistry kernels)
    {
        yield return "| Operator | Domain | Opsets | Simulator |";
        yield return "| --- | --- | --- | --- |";
        var byOperator = schemas.All
            .GroupBy(s => (s.Domain, s.OpType))
            .OrderBy(g => g.Key.Domain, StringComparer.Ordinal)
            .ThenBy(g => g.Key.OpType, StringComparer.Ordinal);
        foreach (var group in byOperator)
        {
            string ranges = string.Join(", ", group.OrderBy(s => s.SinceVersion).Select(Range));
            bool simulated = group.All(s => kernels.Find(s.Domain, s.OpType, s.SinceVersion) is not null);
            string domain = group.Key.Domain.Length == 0 ? "ai.onnx" : group.Key.Domain;
            yield return $"| {group.Key.OpType} | {domain} | {ranges} | {(simulated ? "yes" : "no")} |";
        }
    }

    private static string Range(OpSchema schema) =>
        schema.LastVersion == int.MaxValue ? $"{schema.SinceVersion}+" : $"{schema.SinceVersion}–{schema.LastVersion}";
}
