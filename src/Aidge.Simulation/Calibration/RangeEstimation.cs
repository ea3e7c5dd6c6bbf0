namespace Aidge.Simulation.Calibration;

/// <summary>
/// The range of one activation from its statistics, by the chosen method. Every method's range lies within the
/// observed [min, max] (clipping never widens it), and a symmetric range is [−t, t].
/// </summary>
public static class RangeEstimation
{
    /// <summary>The range to quantize, or null when no finite value was observed.</summary>
    public static (float Min, float Max)? Estimate(ValueHistogram histogram, RangeEstimationOptions options)
    {
        if (histogram.Count == 0)
        {
            return null;
        }
        if (histogram.Bound == 0)
        {
            return (0f, 0f);
        }
        var (min, max) = options.Method switch
        {
            CalibrationMethod.MinMax => (histogram.Min, histogram.Max),
            CalibrationMethod.Percentile => Percentile(histogram, options),
            CalibrationMethod.Mse => MseRange.Estimate(histogram, options),
            CalibrationMethod.Kl => EntropyRange.Estimate(histogram, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Unknown calibration method."),
        };
        return Within(histogram, options.Symmetric, min, max);
    }

    /// <summary>Clamps an estimate to what was observed; a symmetric one to ±the largest magnitude.</summary>
    private static (float Min, float Max) Within(ValueHistogram histogram, bool symmetric, double min, double max)
    {
        if (symmetric)
        {
            double largest = Math.Max(Math.Abs((double)histogram.Min), Math.Abs((double)histogram.Max));
            float t = (float)Math.Min(Math.Max(-min, max), largest);
            return (-t, t);
        }
        // A side the data never reached stays at the observed extreme (e.g. a strictly positive activation).
        double lo = histogram.Min > 0 ? histogram.Min : Math.Clamp(min, histogram.Min, 0);
        double hi = histogram.Max < 0 ? histogram.Max : Math.Clamp(max, 0, histogram.Max);
        return ((float)lo, (float)hi);
    }

    /// <summary>Each tail clipped where it holds (100 − p) % of the values; symmetric: |x| clipped at its p-th percentile.</summary>
    private static (double Min, double Max) Percentile(ValueHistogram histogram, RangeEstimationOptions options)
    {
        double width = histogram.BinWidth;
        double kept = options.Percentile / 100;
        if (options.Symmetric)
        {
            double t = HistogramSides.QuantileEdge(HistogramSides.Folded(histogram), kept * histogram.Count) * width;
            return (-t, t);
        }
        double tail = (1 - kept) * histogram.Count;
        var negative = HistogramSides.Negative(histogram);
        var positive = HistogramSides.Positive(histogram);
        // Walking each side from its far end: skip at most `tail` values.
        double lo = -SideExtentAfterTail(negative, tail) * width;
        double hi = SideExtentAfterTail(positive, tail) * width;
        return (lo, hi);
    }

    /// <summary>The upper edge (in bins) of a side once its outermost <paramref name="tail"/> values are clipped.</summary>
    private static int SideExtentAfterTail(long[] side, double tail)
    {
        long skipped = 0;
        for (int j = side.Length - 1; j >= 0; j--)
        {
            skipped += side[j];
            if (skipped > tail)
            {
                return j + 1;
            }
        }
        return 0;
    }
}
