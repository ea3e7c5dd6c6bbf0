using Aidge.Simulation.Calibration;

namespace Aidge.Simulation.Tests.Calibration;

[TestClass]
public sealed class ValueHistogramTests
{
    [TestMethod]
    public void GrowingTheBoundMergesBinsWithoutMovingCounts()
    {
        var histogram = new ValueHistogram(binCount: 16);
        histogram.Add([0f, 0.5f, -1f]);
        Assert.AreEqual(1.0, histogram.Bound);
        histogram.Add([3f]);
        Assert.AreEqual(4.0, histogram.Bound, "1 doubled twice covers 3");
        Assert.AreEqual(-1f, histogram.Min);
        Assert.AreEqual(3f, histogram.Max);
        // Bins of width 0.5 over [−4, 4]: −1 in [−1, −0.5), 0 and 0.5 in [0, 0.5) and [0.5, 1), 3 in [3, 3.5).
        long[] expected = new long[16];
        expected[6] = 1;
        expected[8] = 1;
        expected[9] = 1;
        expected[14] = 1;
        CollectionAssert.AreEqual(expected, histogram.Counts.ToArray());
    }

    [TestMethod]
    public void ZerosBeforeTheFirstNonzeroValueAreKeptAndNonFiniteValuesDropped()
    {
        var histogram = new ValueHistogram(binCount: 8);
        histogram.Add([0f, 0f, float.PositiveInfinity]);
        Assert.AreEqual(0.0, histogram.Bound);
        histogram.Add([-2f, float.NaN]);
        Assert.AreEqual(3, histogram.Count);
        CollectionAssert.AreEqual(new long[] { 1, 0, 0, 0, 2, 0, 0, 0 }, histogram.Counts.ToArray());
    }
}
