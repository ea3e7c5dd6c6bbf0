using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Kernels;
using Aidge.Passes.Memory;

namespace Aidge.Compiler.Compilation;

/// <summary>The memory plan of a graph for a kernel-based target (the planner of Aidge.Passes under the target's rules).</summary>
public static class KernelMemory
{
    public static MemoryPlan Plan(Graph graph, Func<Value, Tensor?> knownData, KernelTarget target) =>
        MemoryPlanner.Plan(graph, v => KernelTarget.ConstantData(knownData(v)) is not null, target.MayWriteOver, KernelTarget.Alignment);
}
