using Aidge.Core.Operators;
using Aidge.Export.OpenMp;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Coverage;

/// <summary>
/// The support matrix computed from the registries (never written by hand): each operator with the opset
/// ranges its schemas cover, whether the simulator has a kernel for it and whether the OpenMP target emits it (at every
/// version the schemas cover: "partial" when only some).
/// </summary>
public static class OperatorCoverage
{
    public static IEnumerable<string> MarkdownTable(OperatorRegistry schemas, KernelRegistry kernels, OpenMpEmitterRegistry emitters)
    {
        yield return "| Operator | Domain | Opsets | Simulator | OpenMP |";
        yield return "| --- | --- | --- | --- | --- |";
        var byOperator = schemas.All
            .GroupBy(s => (s.Domain, s.OpType))
            .OrderBy(g => g.Key.Domain, StringComparer.Ordinal)
            .ThenBy(g => g.Key.OpType, StringComparer.Ordinal);
        foreach (var group in byOperator)
        {
            string ranges = string.Join(", ", group.OrderBy(s => s.SinceVersion).Select(Range));
            bool simulated = group.All(s => kernels.Find(s.Domain, s.OpType, s.SinceVersion) is not null);
            string domain = group.Key.Domain.Length == 0 ? "ai.onnx" : group.Key.Domain;
            int emitted = group.Count(s => emitters.Find(s.Domain, s.OpType, s.SinceVersion) is not null);
            string openMp = emitted == group.Count() ? "yes" : emitted == 0 ? "no" : "partial";
            yield return $"| {group.Key.OpType} | {domain} | {ranges} | {(simulated ? "yes" : "no")} | {openMp} |";
        }
    }

    private static string Range(OpSchema schema) =>
        schema.LastVersion == int.MaxValue ? $"{schema.SinceVersion}+" : $"{schema.SinceVersion}–{schema.LastVersion}";
}
