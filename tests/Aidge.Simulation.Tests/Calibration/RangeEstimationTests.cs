using Aidge.Simulation.Calibration;

namespace Aidge.Simulation.Tests.Calibration;

/// <summary>The range estimators on distributions whose right answer is known.</summary>
[TestClass]
public sealed class RangeEstimationTests
{
    private static readonly CalibrationMethod[] Clipping = [CalibrationMethod.Percentile, CalibrationMethod.Mse, CalibrationMethod.Kl];

    [TestMethod]
    public void UniformValuesKeepAboutTheirWholeRange()
    {
        var random = new Random(1);
        var histogram = Histogram(Enumerable.Range(0, 200_000).Select(_ => 2 * random.NextSingle() - 1));
        foreach (var method in Enum.GetValues<CalibrationMethod>())
        {
            var (min, max) = Estimate(histogram, method);
            Assert.IsTrue(min is >= -1f and < -0.95f && max is > 0.95f and <= 1f, $"{method}: [{min}, {max}]");
        }
        Assert.AreEqual((histogram.Min, histogram.Max), Estimate(histogram, CalibrationMethod.MinMax));
    }

    [TestMethod]
    public void GaussianOutliersAreClippedByEveryMethodButMinMax()
    {
        var random = new Random(2);
        // Six outliers at 10σ to 12σ in a million: a few ppm, as a rare spike in a real activation. (Far rarer
        // outliers than that would be cheaper to keep than to clip, by the squared-error measure.)
        var values = Enumerable.Range(0, 1_000_000).Select(_ => Gaussian(random)).ToList();
        values.AddRange([12f, -11f, 11.5f, 10f, -10f, 10.5f]);
        var histogram = Histogram(values);
        Assert.AreEqual((-11f, 12f), Estimate(histogram, CalibrationMethod.MinMax));
        foreach (var method in Clipping)
        {
            var (min, max) = Estimate(histogram, method);
            // The bulk (|x| < 2.5σ holds 98.8 %) is kept; the outliers are clipped.
            Assert.IsTrue(min is < -2.5f and > -9f && max is > 2.5f and < 9f, $"{method}: [{min}, {max}]");
        }
    }

    [TestMethod]
    public void PercentileClipsEachTailAtItsShare()
    {
        // 1..10000 once each: the 99.99th percentile keeps all but the top value; nothing below zero.
        var histogram = Histogram(Enumerable.Range(1, 10_000).Select(i => (float)i));
        var (min, max) = Estimate(histogram, CalibrationMethod.Percentile);
        Assert.AreEqual(1f, min, "a strictly positive activation keeps its observed minimum");
        Assert.AreEqual(9999f, max, histogram.BinWidth);
        var (_, ninety) = RangeEstimation.Estimate(histogram, new RangeEstimationOptions(CalibrationMethod.Percentile, Percentile: 90))!.Value;
        Assert.AreEqual(9000f, ninety, histogram.BinWidth);
    }

    [TestMethod]
    public void RectifiedActivationsKeepZeroAsTheirLowerBound()
    {
        var random = new Random(3);
        var histogram = Histogram(Enumerable.Range(0, 100_000).Select(_ => Math.Max(0f, Gaussian(random))));
        foreach (var method in Enum.GetValues<CalibrationMethod>())
        {
            var (min, max) = Estimate(histogram, method);
            Assert.AreEqual(0f, min, method.ToString());
            Assert.IsTrue(max > 2.5f, $"{method}: max {max}");
        }
    }

    [TestMethod]
    public void SymmetricRangesAreCenteredOnZero()
    {
        var random = new Random(4);
        var histogram = Histogram(Enumerable.Range(0, 50_000).Select(_ => 3 * random.NextSingle() - 1));
        foreach (var method in Enum.GetValues<CalibrationMethod>())
        {
            var (min, max) = RangeEstimation.Estimate(histogram, new RangeEstimationOptions(method, Symmetric: true))!.Value;
            Assert.AreEqual(-min, max, method.ToString());
            Assert.IsTrue(max is > 1.8f and <= 2f, $"{method}: {max}");
        }
    }

    [TestMethod]
    public void NoValuesNoRangeAndOnlyZerosAZeroRange()
    {
        Assert.IsNull(RangeEstimation.Estimate(new ValueHistogram(), new RangeEstimationOptions(CalibrationMethod.Kl)));
        var zeros = Histogram([0f, 0f, float.NaN]);
        Assert.AreEqual(2, zeros.Count);
        Assert.AreEqual((0f, 0f), Estimate(zeros, CalibrationMethod.Mse));
    }

    [TestMethod]
    public void MethodNamesParse()
    {
        foreach (var name in CalibrationMethods.Names)
        {
            Assert.IsTrue(CalibrationMethods.TryParse(name.ToUpperInvariant(), out var method));
            Assert.AreEqual(name, CalibrationMethods.NameOf(method));
        }
        Assert.IsFalse(CalibrationMethods.TryParse("entropy", out _));
    }

    private static (float Min, float Max) Estimate(ValueHistogram histogram, CalibrationMethod method) =>
        RangeEstimation.Estimate(histogram, new RangeEstimationOptions(method))!.Value;

    private static ValueHistogram Histogram(IEnumerable<float> values)
    {
        var histogram = new ValueHistogram();
        // In batches, so the bound grows as it does over samples.
        foreach (var batch in values.Chunk(1000))
        {
            histogram.Add(batch);
        }
        return histogram;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
