namespace Aidge.Passes.Memory;

/// <summary>A block of the arena that is in use from the step that writes it to the last step that reads it (inclusive).</summary>
public readonly record struct ArenaRequest(long Bytes, int FirstStep, int LastStep)
{
    public bool OverlapsInTime(ArenaRequest other) => FirstStep <= other.LastStep && other.FirstStep <= LastStep;
}

/// <summary>The arena layout: one offset per request, and the arena's size.</summary>
public sealed record ArenaLayout(IReadOnlyList<long> Offsets, long Size);

/// <summary>
/// Places blocks in one arena allocated once per context, so the generated <c>run</c> never allocates. Blocks whose
/// lifetimes overlap never share bytes; the others reuse memory. Largest first, each into the smallest free gap among
/// the blocks alive at the same time (best fit), which packs well and is deterministic: ties keep request order. Every
/// block is padded to the alignment (at least one unit, so an empty tensor still has its own address).
/// </summary>
public static class BestFitPlacement
{
    public static ArenaLayout Place(IReadOnlyList<ArenaRequest> requests, long alignment)
    {
        var offsets = new long[requests.Count];
        var placed = new List<int>();
        var order = Enumerable.Range(0, requests.Count).OrderByDescending(i => requests[i].Bytes).ThenBy(i => i);
        long size = 0;
        foreach (int i in order)
        {
            long bytes = Padded(requests[i].Bytes, alignment);
            var busy = placed
                .Where(p => requests[p].OverlapsInTime(requests[i]))
                .Select(p => (Start: offsets[p], End: offsets[p] + Padded(requests[p].Bytes, alignment)))
                .OrderBy(r => r.Start)
                .ToList();
            offsets[i] = BestGap(busy, bytes);
            placed.Add(i);
            size = Math.Max(size, offsets[i] + bytes);
        }
        return new ArenaLayout(offsets, size);
    }

    /// <summary>The bytes a block takes in the arena: its size rounded up to the alignment, at least one unit.</summary>
    public static long Padded(long bytes, long alignment) => (Math.Max(bytes, 1) + alignment - 1) / alignment * alignment;

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
