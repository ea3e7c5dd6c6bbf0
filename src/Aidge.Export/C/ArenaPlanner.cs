namespace Aidge.Export.C;

/// <summary>A tensor that lives in the activation arena from the step that writes it to the last step that reads it (inclusive).</summary>
public readonly record struct ArenaRequest(long Bytes, int FirstStep, int LastStep)
{
    public bool OverlapsInTime(ArenaRequest other) => FirstStep <= other.LastStep && other.FirstStep <= LastStep;
}

/// <summary>The arena layout: one offset per request, and the arena's size.</summary>
public sealed record ArenaLayout(EquatableArray<long> Offsets, long Size);

/// <summary>
/// Places intermediate tensors in one arena allocated once per context, so <c>run</c> never allocates. Tensors whose
/// lifetimes overlap never share bytes; the others reuse memory. Largest first, each into the smallest free gap
/// among the tensors alive at the same time (best fit), which packs well and is deterministic: ties keep request order.
/// Because a step's inputs are alive at the step that writes its outputs, an output never aliases an input.
/// </summary>
public static class ArenaPlanner
{
    public static ArenaLayout Plan(IReadOnlyList<ArenaRequest> requests, long alignment = WeightsBlob.Alignment)
    {
        var offsets = new long[requests.Count];
        var placed = new List<int>();
        var order = Enumerable.Range(0, requests.Count).OrderByDescending(i => requests[i].Bytes).ThenBy(i => i);
        long size = 0;
        foreach (int i in order)
        {
            long bytes = WeightsBlob.AlignUp(Math.Max(requests[i].Bytes, 1), alignment);
            var busy = placed
                .Where(p => requests[p].OverlapsInTime(requests[i]))
                .Select(p => (Start: offsets[p], End: offsets[p] + WeightsBlob.AlignUp(Math.Max(requests[p].Bytes, 1), alignment)))
                .OrderBy(r => r.Start)
                .ToList();
            offsets[i] = BestGap(busy, bytes);
            placed.Add(i);
            size = Math.Max(size, offsets[i] + bytes);
        }
        return new ArenaLayout(offsets.ToEquatableArray(), size);
    }

    /// <summary>The start of the smallest gap between busy ranges that fits, else the end of the last busy range.</summary>
    private static long BestGap(List<(long Start, long End)> busy, long bytes)
    {
        long best = -1;
        long bestSize = long.MaxValue;
        long cursor = 0;
        foreach (var (start, end) in busy)
        {
            long gap = start - cursor;
            if (gap >= bytes && gap < bestSize)
            {
                best = cursor;
                bestSize = gap;
            }
            cursor = Math.Max(cursor, end);
        }
        return best >= 0 ? best : cursor;
    }
}
