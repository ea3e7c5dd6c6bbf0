namespace Aidge.Simulation.Calibration;

/// <summary>
/// The clipping range that minimizes the expected squared error of quantizing the histogram: a value clipped at
/// the range's edge costs its squared distance to the edge, a value inside costs the uniform rounding noise
/// step²/12. Candidates are bin edges; a symmetric range searches t, an asymmetric one alternates between the
/// upper and the lower edge (each step can only lower the error, so it settles in a few rounds).
/// </summary>
internal static class MseRange
{
    private const int Rounds = 4;

    public static (double Min, double Max) Estimate(ValueHistogram histogram, RangeEstimationOptions options)
    {
        double width = histogram.BinWidth;
        int zero = histogram.BinCount / 2;
        int negativeBins = HistogramSides.OccupiedLength(HistogramSides.Negative(histogram));
        int positiveBins = HistogramSides.OccupiedLength(HistogramSides.Positive(histogram));
        var moments = new Moments(histogram);
        double Error(int lo, int hi) => moments.ExpectedError(zero - lo, zero + hi, options.StepOf(-lo * width, hi * width));
        if (options.Symmetric)
        {
            int t = Best(Math.Max(negativeBins, positiveBins), j => Error(j, j));
            return (-t * width, t * width);
        }
        int lo = negativeBins;
        int hi = positiveBins;
        for (int round = 0; round < Rounds; round++)
        {
            int fixedLo = lo;
            hi = Best(positiveBins, j => Error(fixedLo, j));
            int fixedHi = hi;
            lo = Best(negativeBins, j => Error(j, fixedHi));
        }
        return (-lo * width, hi * width);
    }

    /// <summary>The candidate in [0, last] (bins) with the least error; ties go to the wider range.</summary>
    private static int Best(int last, Func<int, double> error)
    {
        int best = last;
        double least = error(last);
        for (int j = last - 1; j >= 0; j--)
        {
            double e = error(j);
            if (e < least)
            {
                (best, least) = (j, e);
            }
        }
        return best;
    }

    /// <summary>
    /// Prefix sums of n, n·c and n·c² over the bins (c the bin's center), so the error of clipping every bin below
    /// edge a to the value of that edge, Σ n·(edge − c)², is edge²·Σn − 2·edge·Σn·c + Σn·c²: constant time per candidate.
    /// </summary>
    private sealed class Moments
    {
        private readonly ValueHistogram histogram;
        private readonly double[] count;
        private readonly double[] first;
        private readonly double[] second;

        public Moments(ValueHistogram histogram)
        {
            this.histogram = histogram;
            int bins = histogram.BinCount;
            count = new double[bins + 1];
            first = new double[bins + 1];
            second = new double[bins + 1];
            for (int bin = 0; bin < bins; bin++)
            {
                double n = histogram.Counts[bin];
                double c = histogram.Center(bin);
                count[bin + 1] = count[bin] + n;
                first[bin + 1] = first[bin] + n * c;
                second[bin + 1] = second[bin] + n * c * c;
            }
        }

        /// <summary>The total error with bins [0, lowEdge) clipped up, [highEdge, end) clipped down, and rounding noise between.</summary>
        public double ExpectedError(int lowEdge, int highEdge, double step)
        {
            int end = count.Length - 1;
            double lo = histogram.LowerEdge(lowEdge);
            double hi = histogram.LowerEdge(highEdge);
            double below = lo * lo * count[lowEdge] - 2 * lo * first[lowEdge] + second[lowEdge];
            double aboveCount = count[end] - count[highEdge];
            double above = hi * hi * aboveCount - 2 * hi * (first[end] - first[highEdge]) + (second[end] - second[highEdge]);
            double inside = count[highEdge] - count[lowEdge];
            return below + above + inside * step * step / 12;
        }
    }
}
