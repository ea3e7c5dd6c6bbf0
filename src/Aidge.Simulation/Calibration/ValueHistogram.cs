namespace Aidge.Simulation.Calibration;

/// <summary>
/// What calibration keeps of one activation over every sample: the exact minimum and maximum, and a histogram of
/// equal bins over [−bound, bound]. The bound starts at the first nonzero |max| and doubles when a later sample
/// goes beyond it; doubling merges pairs of bins exactly, so no count is ever smeared across bins. Non-finite
/// values are left out (they would make every range infinite).
/// </summary>
public sealed class ValueHistogram
{
    /// <summary>2048 bins on each side of zero.</summary>
    public const int DefaultBinCount = 4096;

    private readonly long[] counts;
    private long pendingZeros;

    public ValueHistogram(int binCount = DefaultBinCount)
    {
        if (binCount < 4 || binCount % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(binCount), binCount, "The bin count must be a positive multiple of 4.");
        }
        counts = new long[binCount];
    }

    public float Min { get; private set; } = float.PositiveInfinity;

    public float Max { get; private set; } = float.NegativeInfinity;

    /// <summary>How many finite values were added.</summary>
    public long Count { get; private set; }

    /// <summary>How many of them were exactly zero (a rectified activation's spike, which quantizes without error).</summary>
    public long ZeroCount { get; private set; }

    /// <summary>The bins cover [−Bound, Bound]; 0 while every value seen was zero.</summary>
    public double Bound { get; private set; }

    public int BinCount => counts.Length;

    public double BinWidth => 2 * Bound / counts.Length;

    /// <summary>The counts per bin; bin <c>BinCount / 2</c> starts at zero.</summary>
    public ReadOnlySpan<long> Counts => counts;

    public double LowerEdge(int bin) => -Bound + bin * BinWidth;

    public double Center(int bin) => -Bound + (bin + 0.5) * BinWidth;

    public void Add(ReadOnlySpan<float> values)
    {
        float min = float.PositiveInfinity;
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            if (float.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }
        if (min > max)
        {
            return;
        }
        Min = Math.Min(Min, min);
        Max = Math.Max(Max, max);
        Cover(Math.Max(Math.Abs((double)min), Math.Abs((double)max)));
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                continue;
            }
            Count++;
            ZeroCount += v == 0 ? 1 : 0;
            if (Bound == 0)
            {
                pendingZeros++;
            }
            else
            {
                counts[IndexOf(v)]++;
            }
        }
    }

    private int IndexOf(double v) => Math.Clamp((int)Math.Floor((v + Bound) / BinWidth), 0, counts.Length - 1);

    private void Cover(double magnitude)
    {
        if (magnitude == 0)
        {
            return;
        }
        if (Bound == 0)
        {
            Bound = magnitude;
            counts[counts.Length / 2] += pendingZeros;
            pendingZeros = 0;
            return;
        }
        while (magnitude > Bound)
        {
            // Old bins 2t and 2t + 1 make up new bin B/4 + t of the doubled range.
            int quarter = counts.Length / 4;
            var merged = new long[counts.Length];
            for (int t = 0; t < counts.Length / 2; t++)
            {
                merged[quarter + t] = counts[2 * t] + counts[2 * t + 1];
            }
            merged.CopyTo(counts, 0);
            Bound *= 2;
        }
    }
}
