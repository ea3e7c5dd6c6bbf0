namespace Aidge.Simulation.Calibration;

/// <summary>
/// Entropy calibration (the KL-divergence threshold search of TensorRT's int8 calibration): for each candidate
/// threshold i (in bins), the reference distribution P is the first i bins with everything beyond added to the
/// last one (what clipping does to it); Q is the first i bins without that tail, merged into the quantized levels
/// and spread back uniformly over P's nonzero bins (what quantizing does). The threshold with the least KL(P‖Q)
/// wins: a low one loses the tail, a high one blurs the bulk. A symmetric range searches the folded |x| histogram with 128 levels; an asymmetric
/// one searches each side with the 256 levels shared in proportion to the side's observed extent.
/// </summary>
internal static class EntropyRange
{
    public static (double Min, double Max) Estimate(ValueHistogram histogram, RangeEstimationOptions options)
    {
        double width = histogram.BinWidth;
        if (options.Symmetric)
        {
            double t = Threshold(WithoutZeros(HistogramSides.Folded(histogram), histogram), options.Levels) * width;
            return (-t, t);
        }
        double below = Math.Max(0, -histogram.Min);
        double above = Math.Max(0, histogram.Max);
        int positiveLevels = (int)Math.Round(options.Levels * above / (below + above));
        int negativeLevels = options.Levels - positiveLevels;
        double lo = -Threshold(HistogramSides.Negative(histogram), negativeLevels) * width;
        double hi = Threshold(WithoutZeros(HistogramSides.Positive(histogram), histogram), positiveLevels) * width;
        return (lo, hi);
    }

    /// <summary>
    /// The side without its exact zeros (they fall in its first bin): zero is a quantized level, so they cost
    /// nothing either way, and left in, the spike of a rectified activation dominates the divergence and drags the
    /// threshold far down.
    /// </summary>
    private static long[] WithoutZeros(long[] side, ValueHistogram histogram)
    {
        side[0] -= histogram.ZeroCount;
        return side;
    }

    /// <summary>The threshold (in bins) of one side with <paramref name="levels"/> quantized levels.</summary>
    private static int Threshold(long[] side, int levels)
    {
        int occupied = HistogramSides.OccupiedLength(side);
        // The search compares distributions smooth at the scale of a bin. Values on fewer distinct bins than there are
        // levels (pixels in 1/16 steps, one-hot codes) are a discrete set the levels can keep apart without clipping;
        // the divergence there only measures the gaps between spikes and picks a meaningless threshold.
        if (levels <= 0 || side.Count(n => n > 0) <= levels)
        {
            return occupied;
        }
        int best = occupied;
        double least = double.PositiveInfinity;
        var reference = new double[occupied];
        var quantized = new double[occupied];
        for (int i = levels; i <= occupied; i++)
        {
            for (int j = 0; j < i; j++)
            {
                reference[j] = side[j];
            }
            for (int j = i; j < occupied; j++)
            {
                reference[i - 1] += side[j];
            }
            Quantize(side, reference, i, levels, quantized);
            double divergence = Divergence(reference, quantized, i);
            if (divergence < least)
            {
                (best, least) = (i, divergence);
            }
        }
        return best;
    }

    /// <summary>
    /// The side's first <paramref name="length"/> bins merged into <paramref name="levels"/> groups, each group's mass
    /// spread over the bins where P is nonzero.
    /// </summary>
    private static void Quantize(long[] side, double[] reference, int length, int levels, double[] quantized)
    {
        int start = 0;
        for (int level = 0; level < levels; level++)
        {
            int end = (int)((long)(level + 1) * length / levels);
            double mass = 0;
            int nonzero = 0;
            for (int j = start; j < end; j++)
            {
                mass += side[j];
                nonzero += reference[j] > 0 ? 1 : 0;
            }
            for (int j = start; j < end; j++)
            {
                quantized[j] = reference[j] > 0 ? mass / nonzero : 0;
            }
            start = end;
        }
    }

    /// <summary>
    /// KL(P‖Q) of the normalized distributions; infinite where Q is zero and P is not (a tail piled into a last group
    /// that held nothing before), which rules that threshold out.
    /// </summary>
    private static double Divergence(double[] reference, double[] quantized, int length)
    {
        double p = 0;
        double q = 0;
        for (int j = 0; j < length; j++)
        {
            p += reference[j];
            q += quantized[j];
        }
        double divergence = 0;
        for (int j = 0; j < length; j++)
        {
            if (reference[j] > 0)
            {
                if (quantized[j] == 0)
                {
                    return double.PositiveInfinity;
                }
                double pj = reference[j] / p;
                divergence += pj * Math.Log(pj / (quantized[j] / q));
            }
        }
        return divergence;
    }
}
