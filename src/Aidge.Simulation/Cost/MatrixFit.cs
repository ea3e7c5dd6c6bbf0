namespace Aidge.Simulation.Cost;

/// <summary>
/// The constants of <c>seconds = MACs × (M'/M) × (a + b/K + p/M')</c> from timings of a matrix kernel at three shapes
/// (K the reduction length, M the output rows, M' those rows rounded up to whole register tiles): a per multiply-add, b per output tile step (fixed cost per output, spread
/// over K), p per packed input element (spread over the M rows that share it). A noisy timing can make b or p come out
/// negative; they are then 0 and a is refitted, so the model never predicts a layer faster than its arithmetic.
/// </summary>
public sealed record MatrixFit(double SecondsPerMac, double SecondsPerTile, double SecondsPerPacked)
{
    public static MatrixFit Solve(IReadOnlyList<ConvolutionTiming> timings)
    {
        if (timings.Count != 3)
        {
            throw new ArgumentException("The fit needs three timings.", nameof(timings));
        }
        // Rows (1, 1/K, 1/M) · (a, b, p) = seconds per computed MAC: Cramer's rule on the 3x3 system. The kernel
        // computes whole register tiles (ClassEfficiency.TiledRows), so M and the MACs are those of the tiled rows.
        double[][] rows = timings.Select(t => new[] { 1.0, 1.0 / t.Reduction, 1.0 / ClassEfficiency.TiledRows(t.Rows) }).ToArray();
        double[] perMac = timings.Select(t => t.Seconds / (t.Macs * ClassEfficiency.TiledRows(t.Rows) / t.Rows)).ToArray();
        double determinant = Determinant(rows);
        double b = 0, p = 0;
        if (Math.Abs(determinant) > 1e-12)
        {
            b = Math.Max(0, Determinant(Replace(rows, 1, perMac)) / determinant);
            p = Math.Max(0, Determinant(Replace(rows, 2, perMac)) / determinant);
        }
        double a = Enumerable.Range(0, 3).Average(i => perMac[i] - b * rows[i][1] - p * rows[i][2]);
        if (a <= 0)
        {
            (a, b, p) = (perMac.Min(), 0, 0);
        }
        return new MatrixFit(a, b, p);
    }

    private static double[][] Replace(double[][] rows, int column, double[] values) =>
        rows.Select((row, i) => row.Select((x, j) => j == column ? values[i] : x).ToArray()).ToArray();

    private static double Determinant(double[][] m) =>
        m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}
