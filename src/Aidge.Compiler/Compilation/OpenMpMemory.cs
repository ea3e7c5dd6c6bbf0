using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.OpenMp;
using Aidge.Passes.Memory;
using Aidge.Simulation.Report;

namespace Aidge.Compiler.Compilation;

/// <summary>The memory plan of a graph for the OpenMP target (the planner of Aidge.Passes under the target's rules), and its report section.</summary>
public static class OpenMpMemory
{
    public static MemoryPlan Plan(Graph graph, Func<Value, Tensor?> knownData) =>
        MemoryPlanner.Plan(graph, v => OpenMpMemoryRules.ConstantData(knownData(v)) is not null, OpenMpMemoryRules.MayWriteOver, OpenMpMemoryRules.Alignment);

    /// <summary>The plan's figures for the report, with what in-place reuse won.</summary>
    public static MemorySection ReportSection(MemoryPlan plan) => new(
        plan.ArenaBytes,
        plan.ActivationBytes,
        plan.LowerBoundBytes,
        $"{plan.InPlace.Count} of {plan.Offsets.Count} arena tensors written in place of their input ({plan.ArenaBytesWithoutInPlace} bytes without); " +
        $"lower bound reached at {plan.LowerBoundNode ?? "no step"}; every tensor padded to {plan.Alignment} bytes");
}
