using Aidge.Core.Graphs;

namespace Aidge.Passes.Memory;

/// <summary>
/// Plans the activation arena: tensor lifetimes over the node order (<see cref="TensorLifetimes"/>), in-place reuse
/// where the target allows it, best-fit placement (<see cref="BestFitPlacement"/>), and the figures a report compares:
/// the planned peak, the sum of all activations and the lower bound.
/// </summary>
public static class MemoryPlanner
{
    /// <param name="graph">The graph as the target will export it (after the pass pipeline), with inferred shapes.</param>
    /// <param name="isConstant">Whether the target holds a value as constant data (known when compiling).</param>
    /// <param name="mayWriteOver">The target's in-place rule; the planner asks only for an input that dies at the node and has the output's size.</param>
    /// <param name="alignment">The target's alignment of arena offsets; every tensor is padded to it.</param>
    public static MemoryPlan Plan(Graph graph, Func<Value, bool> isConstant, InPlacePredicate mayWriteOver, long alignment)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alignment);
        var lifetimes = TensorLifetimes.Of(graph, isConstant);
        var storage = StorageGroups.Build(lifetimes, mayWriteOver);

        var layout = BestFitPlacement.Place(storage.Blocks.Select(b => b.Request).ToList(), alignment);
        var separate = BestFitPlacement.Place(lifetimes.Tensors.Select(t => new ArenaRequest(t.Bytes, t.FirstStep, t.LastStep)).ToList(), alignment);
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < lifetimes.Tensors.Count; i++)
        {
            offsets.Add(lifetimes.Tensors[i].Value.Name, layout.Offsets[storage.BlockOf[i]]);
        }
        var (lowerBound, step) = LowerBound(storage.Blocks.Select(b => b.Request).ToList(), lifetimes.Steps.Count);
        return new MemoryPlan(
            offsets,
            alignment,
            layout.Size,
            separate.Size,
            lifetimes.Tensors.Sum(t => t.Bytes),
            lowerBound,
            step,
            step >= 0 ? lifetimes.Steps[step].DisplayName : null,
            storage.InPlace);
    }

    /// <summary>The largest total size of blocks alive at one step, and the first step that reaches it (-1 when nothing is alive at any step).</summary>
    private static (long Bytes, int Step) LowerBound(IReadOnlyList<ArenaRequest> blocks, int steps)
    {
        // Sweep: a block adds its bytes at its first step and removes them after its last.
        var change = new long[steps + 2];
        foreach (var block in blocks)
        {
            change[block.FirstStep] += block.Bytes;
            change[block.LastStep + 1] -= block.Bytes;
        }
        long alive = 0;
        long best = 0;
        int bestStep = -1;
        for (int s = 0; s < steps; s++)
        {
            alive += change[s];
            if (alive > best)
            {
                best = alive;
                bestStep = s;
            }
        }
        return (best, bestStep);
    }
}
