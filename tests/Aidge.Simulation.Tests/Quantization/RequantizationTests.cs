using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Tests.Quantization;

/// <summary>The integer requantization, the real-multiplier encoding and the float → quantized rounding at their edges.</summary>
[TestClass]
public sealed class RequantizationTests
{
    [TestMethod]
    [DataRow(3L, 1, 2L)]     // 1.5 → 2: ties round up
    [DataRow(5L, 1, 3L)]     // 2.5 → 3
    [DataRow(-3L, 1, -1L)]   // −1.5 → −1: up is toward +∞, also for negatives
    [DataRow(-5L, 1, -2L)]   // −2.5 → −2
    [DataRow(-7L, 2, -2L)]   // −1.75 → −2
    [DataRow(-6L, 2, -1L)]   // −1.5 → −1
    [DataRow(-1L, 62, 0L)]
    public void RoundShiftRoundsToNearestWithTiesUp(long value, int bits, long expected) =>
        Assert.AreEqual(expected, Requantization.RoundShift(value, bits));

    [TestMethod]
    public void NegativeAccumulatorsScaleSymmetricallyExceptAtTies()
    {
        var (multiplier, shift) = Requantization.FromReal(0.25);
        Assert.AreEqual(-25, Requantization.Requantize(-100, multiplier, shift, 0, -128, 127));
        Assert.AreEqual(25, Requantization.Requantize(100, multiplier, shift, 0, -128, 127));
        // ±2.5: the tie goes up on both sides.
        Assert.AreEqual(3, Requantization.Requantize(10, multiplier, shift, 0, -128, 127));
        Assert.AreEqual(-2, Requantization.Requantize(-10, multiplier, shift, 0, -128, 127));
    }

    [TestMethod]
    public void OutputSaturatesToTheClampAndAddsTheZeroPoint()
    {
        var (multiplier, shift) = Requantization.FromReal(0.5);
        Assert.AreEqual(128 + 50, Requantization.Requantize(100, multiplier, shift, 128, 0, 255));
        Assert.AreEqual(255, Requantization.Requantize(1000, multiplier, shift, 128, 0, 255));
        Assert.AreEqual(0, Requantization.Requantize(-1000, multiplier, shift, 128, 0, 255));
        Assert.AreEqual(128, Requantization.Requantize(-1000, multiplier, shift, 128, 128, 255), "a fused Relu clamps at the zero point");
        Assert.AreEqual(127, Requantization.Requantize(int.MaxValue, multiplier, shift, 0, -128, 127));
        Assert.AreEqual(-128, Requantization.Requantize(int.MinValue, multiplier, shift, 0, -128, 127));
    }

    [TestMethod]
    public void ExtremeAccumulatorsAndShiftsDoNotOverflow()
    {
        int largest = (int)(Requantization.MultiplierLimit - 1);
        // −2^31 · 2^30 / 2^62 = −0.5 exactly: the tie goes up to 0.
        Assert.AreEqual(0, Requantization.Requantize(int.MinValue, (int)Requantization.MinMultiplier, Requantization.MaxTotalShift - 31, 0, int.MinValue, int.MaxValue));
        Assert.AreEqual(1, Requantization.Requantize(int.MaxValue, largest, Requantization.MaxTotalShift - 31, 0, int.MinValue, int.MaxValue));
        Assert.AreEqual(-1, Requantization.Requantize(int.MinValue, largest, Requantization.MaxTotalShift - 31, 0, int.MinValue, int.MaxValue));
        Assert.AreEqual(int.MaxValue, Requantization.Requantize(int.MaxValue, largest, Requantization.MinTotalShift - 31, 0, int.MinValue, int.MaxValue));
    }

    [TestMethod]
    [DataRow(1.0)]
    [DataRow(0.75)]
    [DataRow(0.0123456789)]
    [DataRow(3.999999999)]
    [DataRow(1e-9)]
    [DataRow(1000.5)]
    public void FromRealKeepsThirtyOneSignificantBits(double real)
    {
        var (multiplier, shift) = Requantization.FromReal(real);
        Assert.IsTrue(multiplier >= Requantization.MinMultiplier, $"multiplier {multiplier}");
        Assert.IsTrue(31 + shift is >= Requantization.MinTotalShift and <= Requantization.MaxTotalShift, $"shift {shift}");
        Assert.AreEqual(real, Requantization.ToReal(multiplier, shift), real * Math.ScaleB(1.0, -31));
    }

    [TestMethod]
    public void AMantissaThatRoundsUpToTwoToTheThirtyOneMovesToTheNextExponent()
    {
        var (multiplier, shift) = Requantization.FromReal(1 - Math.ScaleB(1.0, -40));
        Assert.AreEqual((int)Requantization.MinMultiplier, multiplier);
        Assert.AreEqual(1.0, Requantization.ToReal(multiplier, shift));
    }

    [TestMethod]
    public void OutOfRangeMultipliersAreClampedBelowAndRejectedAbove()
    {
        var (multiplier, shift) = Requantization.FromReal(1e-12);
        Assert.AreEqual(Math.ScaleB(1.0, -32), Requantization.ToReal(multiplier, shift));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Requantization.FromReal(Math.ScaleB(1.0, 30)));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Requantization.FromReal(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Requantization.FromReal(double.NaN));
    }

    /// <summary>The encoded multiplier against exact rational arithmetic on random accumulators: never more than the rounding.</summary>
    [TestMethod]
    public void RequantizeMatchesExactRationalRounding()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 20000; trial++)
        {
            double real = Math.ScaleB(0.5 + random.NextDouble() / 2, -random.Next(0, 30));
            var (multiplier, shift) = Requantization.FromReal(real);
            int accumulator = random.Next(int.MinValue, int.MaxValue);
            long expected = ExactRequantization.Apply(accumulator, multiplier, shift, 0, int.MinValue, int.MaxValue);
            Assert.AreEqual(expected, Requantization.Requantize(accumulator, multiplier, shift, 0, int.MinValue, int.MaxValue), $"acc {accumulator} · {multiplier} >> {31 + shift}");
        }
    }

    [TestMethod]
    [DataRow(0.5f, 0)]
    [DataRow(1.5f, 2)]
    [DataRow(2.5f, 2)]
    [DataRow(-0.5f, 0)]
    [DataRow(-1.5f, -2)]
    [DataRow(-2.5f, -2)]
    [DataRow(1000f, 127)]
    [DataRow(-1000f, -128)]
    [DataRow(float.NaN, 0)]
    public void QuantizeRoundsHalfToEvenAndSaturates(float x, int expected) =>
        Assert.AreEqual(expected, Requantization.Quantize(x, 1f, 0, -128, 127));

    /// <summary>
    /// x / scale is 43.499998… in double but rounds to exactly 43.5 in float32, which nearbyintf takes to 44. The
    /// pair was found by a C search over nearbyintf(x / s) against nearbyint((double)x / s).
    /// </summary>
    [TestMethod]
    public void QuantizeDividesInFloat32LikeNearbyintf()
    {
        const float x = 0.902848482f;
        const float scale = 0.0207551382f;
        Assert.AreEqual(43, (int)Math.Round((double)x / scale, MidpointRounding.ToEven), "the double quotient rounds the other way");
        Assert.AreEqual(44 + 3, Requantization.Quantize(x, scale, 3, 0, 255));
    }

    [TestMethod]
    public void RangesAreThoseOfTheActivationTypes()
    {
        Assert.AreEqual((0, 255), Requantization.Range(DataType.UInt8));
        Assert.AreEqual((-128, 127), Requantization.Range(DataType.Int8));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Requantization.Range(DataType.Int16));
    }
}
