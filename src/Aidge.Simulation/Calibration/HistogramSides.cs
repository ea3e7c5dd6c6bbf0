namespace Aidge.Simulation.Calibration;

/// <summary>
/// A histogram's magnitudes on one side of zero: bin j counts the values with |x| in [j·w, (j + 1)·w). Entropy and
/// percentile searches work on these one-sided views; a symmetric range works on both sides folded together.
/// </summary>
internal static class HistogramSides
{
    public static long[] Positive(ValueHistogram histogram) => histogram.Counts[(histogram.BinCount / 2)..].ToArray();

    public static long[] Negative(ValueHistogram histogram)
    {
        var side = histogram.Counts[..(histogram.BinCount / 2)].ToArray();
        Array.Reverse(side);
        return side;
    }

    public static long[] Folded(ValueHistogram histogram)
    {
        var folded = Positive(histogram);
        var negative = Negative(histogram);
        for (int j = 0; j < folded.Length; j++)
        {
            folded[j] += negative[j];
        }
        return folded;
    }

    /// <summary>One past the last nonzero bin (0 when the side is empty).</summary>
    public static int OccupiedLength(long[] side)
    {
        int n = side.Length;
        while (n > 0 && side[n - 1] == 0)
        {
            n--;
        }
        return n;
    }

    /// <summary>The upper edge (in bins) of the first bin where the running count reaches <paramref name="target"/>.</summary>
    public static int QuantileEdge(long[] side, double target)
    {
        long running = 0;
        for (int j = 0; j < side.Length; j++)
        {
            running += side[j];
            if (running >= target)
            {
                return j + 1;
            }
        }
        return OccupiedLength(side);
    }
}
