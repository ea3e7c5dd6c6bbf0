namespace Aidge.Core.Graphs;

/// <summary>An output that the plan writes over one of its node's inputs (same bytes), because that input dies there.</summary>
public sealed record InPlaceReuse(string Node, string Output, string Input);

/// <summary>
/// Where every intermediate tensor of a graph lives in the one activation arena a compiled model allocates, and what
/// that layout costs next to its two reference points. Offsets are keyed by value name (unique in a graph) so the plan
/// can be read by an exporter and written into a report without holding the graph. Computed by the memory planner
/// (Aidge.Passes/Memory) and consumed by the exporters, which is why it lives in Core.
/// </summary>
/// <param name="Offsets">The byte offset of every arena value, by name; values that share bytes in place have equal offsets.</param>
/// <param name="Alignment">Every offset is a multiple of it, and every tensor is padded to it.</param>
/// <param name="ArenaBytes">The planned peak: the arena's size.</param>
/// <param name="ArenaBytesWithoutInPlace">What the same placement gives when no output may take its input's bytes.</param>
/// <param name="ActivationBytes">The sum of the sizes of all arena values: the memory of one buffer per tensor.</param>
/// <param name="LowerBoundBytes">
/// The largest total size of tensors alive at one step (tensors that share bytes in place counted once): no layout
/// with the same in-place reuses can be smaller.
/// </param>
/// <param name="LowerBoundStep">The step (index among the nodes that run) where the lower bound is reached; -1 when nothing is in the arena.</param>
/// <param name="LowerBoundNode">The display name of the node at that step, or null.</param>
/// <param name="InPlace">The outputs that took their input's bytes, in node order.</param>
public sealed record MemoryPlan(
    IReadOnlyDictionary<string, long> Offsets,
    long Alignment,
    long ArenaBytes,
    long ArenaBytesWithoutInPlace,
    long ActivationBytes,
    long LowerBoundBytes,
    int LowerBoundStep,
    string? LowerBoundNode,
    IReadOnlyList<InPlaceReuse> InPlace)
{
    /// <summary>The plan's figures without the per-value offsets, for reports.</summary>
    public MemoryFigures Figures => new(ArenaBytes, ArenaBytesWithoutInPlace, ActivationBytes, LowerBoundBytes, LowerBoundNode, InPlace.Count, Offsets.Count);
}

/// <summary>
/// The memory plan in numbers: the planned peak against the sum of all activations (one buffer per tensor) and against
/// the lower bound (the largest set of tensors alive at one step), and how much in-place reuse won.
/// </summary>
public sealed record MemoryFigures(
    long PlannedPeakBytes,
    long PlannedPeakWithoutInPlaceBytes,
    long ActivationBytes,
    long LowerBoundBytes,
    string? LowerBoundNode,
    int InPlaceReuses,
    int ArenaTensors)
{
    public override string ToString() =>
        $"planned peak {PlannedPeakBytes} B ({PlannedPeakWithoutInPlaceBytes} B without in-place, {InPlaceReuses} in-place of {ArenaTensors} tensors); " +
        $"sum of activations {ActivationBytes} B; lower bound {LowerBoundBytes} B{(LowerBoundNode is null ? "" : $" at {LowerBoundNode}")}";
}
