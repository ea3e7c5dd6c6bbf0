using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.OpenMp;
using Aidge.Passes.Memory;

namespace Aidge.Compiler.Compilation;

/// <summary>The memory plan of a graph for the OpenMP target (the planner of Aidge.Passes under the target's rules).</summary>
public static class OpenMpMemory
{
    public static MemoryPlan Plan(Graph graph, Func<Value, Tensor?> knownData) =>
        MemoryPlanner.Plan(graph, v => OpenMpMemoryRules.ConstantData(knownData(v)) is not null, OpenMpMemoryRules.MayWriteOver, OpenMpMemoryRules.Alignment);
}
