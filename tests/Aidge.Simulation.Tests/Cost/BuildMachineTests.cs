using Aidge.Simulation.Cost;

namespace Aidge.Simulation.Tests.Cost;

/// <summary>The build machine's descriptor from probe measurements: the convolution fit, labels, the fallback.</summary>
[TestClass]
public sealed class BuildMachineTests
{
    private const double A = 2.5e-11, B = 2.4e-10, P = 4.7e-10;

    private static ConvolutionTiming Timing(long k, long m)
    {
        // The kernel's cost model: whole register tiles of rows (m rounded up to them) are computed.
        double macs = k * m * 256.0;
        double tiled = ClassEfficiency.TiledRows(m);
        return new ConvolutionTiming(macs * tiled / m * (A + B / k + P / tiled), macs, k, m);
    }

    /// <summary>Four threads; the first convolution's channels, over a map 4 times larger, run 3 times faster on them than on one.</summary>
    internal static MachineMeasurements Measurements() => new(
        "Test CPU", "gcc 12", 4, 100e9, [Timing(576, 64), Timing(18, 64), Timing(576, 12)], Timing(576, 64) with { Seconds = Timing(576, 64).Seconds * 4 / 3, Macs = Timing(576, 64).Macs * 4 },
        5e9, 0.2e9, 5e9, 4e-7, 1.5e-6, 10e9, 12e9, 32 << 20, 40e9);

    [TestMethod]
    public void FitRecoversTheConstantsOfExactTimings()
    {
        var fit = MatrixFit.Solve(Measurements().Convolutions);
        Assert.AreEqual(A, fit.SecondsPerMac, A * 1e-9);
        Assert.AreEqual(B, fit.SecondsPerTile, B * 1e-9);
        Assert.AreEqual(P, fit.SecondsPerPacked, P * 1e-9);
    }

    [TestMethod]
    public void ProductsPayForWholeRegisterTiles()
    {
        var efficiency = BuildMachine.Describe(Measurements(), parallelGrain: 262144).Efficiency;
        Assert.AreEqual(36, ClassEfficiency.TiledRows(32));
        Assert.AreEqual(36, ClassEfficiency.TiledRows(36));
        // 32 rows cost as 36 (the last tile's 4 extra rows are computed); 36 rows do useful work in every tile.
        double perRow32 = efficiency.Of(OpClass.MatrixProduct, 144, 32) / 32;
        double perRow36 = efficiency.Of(OpClass.MatrixProduct, 144, 36) / 36;
        Assert.AreEqual(perRow36, perRow32, perRow36 * 1e-12);
    }

    [TestMethod]
    public void FitNeverGoesNegative()
    {
        // The short reduction timed faster than the long one: noise, not a negative cost per tile.
        var fit = MatrixFit.Solve([new(1e-3, 1e8, 576, 64), new(0.5e-5, 1e6, 18, 64), new(1.2e-3, 1e8, 576, 12)]);
        Assert.AreEqual(0, fit.SecondsPerTile);
        Assert.IsTrue(fit.SecondsPerMac > 0 && fit.SecondsPerPacked >= 0);
    }

    [TestMethod]
    public void DescriptorIsMeasuredAndItsEfficiencyMatchesTheKernel()
    {
        var target = BuildMachine.Describe(Measurements(), parallelGrain: 262144);
        Assert.IsTrue(target.Measured);
        Assert.AreEqual("Test CPU", target.Name);
        Assert.AreEqual(4, target.Cores.Value);
        Assert.AreEqual(3, target.EffectiveCores.Value, 1e-9);
        Assert.AreEqual(100e9, target.PeakFp32FlopsPerCore.Value);
        Assert.AreEqual(2 / A / 100e9, target.Efficiency.MatrixPeak.Value, 1e-9);
        Assert.AreEqual(B / A, target.Efficiency.ShortReduction.Value, 1e-6);
        Assert.AreEqual(P / A, target.Efficiency.FewRows.Value, 1e-6);
        Assert.AreEqual(12e9, target.MemoryBandwidth.Value);
        // The convolution at a measured shape is predicted as it was timed (one thread, no overhead).
        var timing = Measurements().Convolutions[0];
        double efficiency = target.Efficiency.Of(OpClass.MatrixProduct, timing.Reduction, timing.Rows);
        Assert.AreEqual(timing.Seconds, 2 * timing.Macs / (target.PeakFp32FlopsPerCore.Value * efficiency), timing.Seconds * 1e-9);
        foreach (var (name, value) in target.Constants())
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(value.Source), name);
        }
    }

    [TestMethod]
    public void DescriptorPredictsFromTheBestTrialsAndShowsTheMediansBeside()
    {
        // The median trials twice as slow as the best: the descriptor must take the best (the hardware, not the load).
        var best = Measurements();
        var medians = best with { PeakFlopsCore = best.PeakFlopsCore / 2, CallSeconds = best.CallSeconds * 2, ConvolutionAll = best.ConvolutionAll with { Seconds = best.ConvolutionAll.Seconds * 1.5 } };
        var target = BuildMachine.Describe(best with { Rounds = 31, SpreadSeconds = 1.4, Medians = medians }, parallelGrain: 262144);
        Assert.AreEqual(best.PeakFlopsCore, target.PeakFp32FlopsPerCore.Value);
        Assert.AreEqual(best.CallSeconds, target.NodeOverhead.Value);
        Assert.AreEqual(3, target.EffectiveCores.Value, 1e-9);
        StringAssert.Contains(target.PeakFp32FlopsPerCore.Source, "best of 31 trials spread over 1.4 s: 100 GFLOP/s; median trial 50");
        StringAssert.Contains(target.NodeOverhead.Source, "median trial 0.8 us");
        StringAssert.Contains(target.EffectiveCores.Source, "median trial 2 for the ratio");
    }

    [TestMethod]
    public void FallbackSaysItIsNotMeasured()
    {
        var target = BuildMachine.Fallback("Some CPU", 8, 262144, "no C compiler");
        Assert.IsFalse(target.Measured);
        StringAssert.Contains(target.Description, "NOT MEASURED (no C compiler)");
        Assert.AreEqual(8, target.Cores.Value);
        StringAssert.StartsWith(target.PeakFp32FlopsPerCore.Source, "assumption: not measured");
    }
}
