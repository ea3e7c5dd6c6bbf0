using Aidge.Simulation.Cost;

namespace Aidge.Simulation.Tests.Cost;

/// <summary>The roofline per node: compute or memory bound, overheads, threads by grain, energy, int8 peak.</summary>
[TestClass]
public sealed class CostModelTests
{
    /// <summary>A target with round numbers: 2 cores of 10 GFLOP/s, 1 GB/s DRAM, 10 GB/s cache of 1 MB, 1 µs per node.</summary>
    internal static TargetDescriptor Target(double? grain = null) => new(
        "test", "round numbers",
        new(2, "t"), new(2, "t"), new(10e9, "t"), new(40e9, "t"), new(1e9, "t"), new(1e6, "t"), new(10e9, "t"),
        new(1e-6, "t"), new(5e-6, "t"), grain is null ? null : new(grain.Value, "t"),
        new(4, "t"), new(0.5, "t"), new(100, "t"),
        new ClassEfficiency(new(1, "t"), new(0, "t"), new(0, "t"), new(0.5, "t"), new(0.25, "t"), new(0.1, "t")),
        Measured: false);

    // 1002 rows: whole register tiles of 6, so the round numbers' efficiency is the class's own.
    private static NodeWorkload Work(OpClass opClass, long macs = 0, long operations = 0, long bytes = 0, bool integer = false, long work = 0, long reduction = 1000, long rows = 1002) =>
        new("n", "Op", opClass, integer, macs, operations, reduction, rows, bytes / 2, bytes - bytes / 2, 0, 0, 0, work, true);

    [TestMethod]
    public void ComputeBoundNodeTakesItsFlopsOverThePeakOfItsCores()
    {
        // 1e9 MACs = 2e9 FLOP over 2 cores x 10 GFLOP/s: 0.1 s, plus the node and the fork overhead.
        var cost = CostModel.Estimate(Work(OpClass.MatrixProduct, macs: 1_000_000_000, bytes: 1000), Target());
        Assert.AreEqual(2, cost.Threads);
        Assert.IsTrue(cost.ComputeBound);
        Assert.AreEqual(0.1 + 1e-6 + 5e-6, cost.Seconds, 1e-12);
    }

    [TestMethod]
    public void MemoryBoundNodeTakesItsBytesOverTheBandwidthOfWhereTheyFit()
    {
        var inCache = CostModel.Estimate(Work(OpClass.DataMovement, bytes: 1_000_000), Target());
        var inDram = CostModel.Estimate(Work(OpClass.DataMovement, bytes: 1_000_001), Target());
        Assert.IsFalse(inCache.ComputeBound);
        Assert.AreEqual(1e6 / 10e9, inCache.MemorySeconds, 1e-15);
        Assert.AreEqual(1_000_001 / 1e9, inDram.MemorySeconds, 1e-15);
        Assert.AreEqual(inDram.MemorySeconds + 6e-6, inDram.Seconds, 1e-12);
    }

    [TestMethod]
    public void ClassEfficiencyScalesTheComputeTerm()
    {
        // 1e8 elementwise operations at 10% of 2 x 10 GFLOP/s.
        var cost = CostModel.Estimate(Work(OpClass.Elementwise, operations: 100_000_000), Target());
        Assert.AreEqual(1e8 / (10e9 * 0.1 * 2), cost.ComputeSeconds, 1e-12);
        var window = CostModel.Estimate(Work(OpClass.Window, operations: 100_000_000), Target());
        Assert.AreEqual(1e8 / (10e9 * 0.25 * 2), window.ComputeSeconds, 1e-12);
    }

    [TestMethod]
    public void MatrixEfficiencyFallsWithShortReductionsAndFewRows()
    {
        var efficiency = new ClassEfficiency(new(0.8, "t"), new(16, "t"), new(8, "t"), new(0.1, "t"), new(0.1, "t"), new(0.1, "t"));
        // 64 rows take 11 register tiles of 6: 66 rows are computed, 64 kept.
        Assert.AreEqual(0.8 / (1 + 16.0 / 576 + 8.0 / 66) * 64 / 66, efficiency.Of(OpClass.MatrixProduct, 576, 64), 1e-12);
        Assert.AreEqual(0.8 / (1 + 16.0 / 576 + 8.0 / 60), efficiency.Of(OpClass.MatrixProduct, 576, 60), 1e-12);
        Assert.IsTrue(efficiency.Of(OpClass.MatrixProduct, 9, 64) < efficiency.Of(OpClass.MatrixProduct, 576, 64));
        Assert.IsTrue(efficiency.Of(OpClass.MatrixProduct, 576, 4) < efficiency.Of(OpClass.MatrixProduct, 576, 64));
        Assert.AreEqual(0, efficiency.Of(OpClass.DataMovement, 1, 1));
    }

    [TestMethod]
    public void GrainKeepsSmallNodesOnOneCoreWithoutAFork()
    {
        var target = Target(grain: 1000);
        Assert.AreEqual(1, CostModel.Threads(Work(OpClass.Elementwise, work: 1999), target));
        Assert.AreEqual(2, CostModel.Threads(Work(OpClass.Elementwise, work: 2000), target));
        Assert.AreEqual(2, CostModel.Threads(Work(OpClass.Elementwise, work: 1_000_000), target));
        var small = CostModel.Estimate(Work(OpClass.Elementwise, operations: 1000, work: 1000), target);
        Assert.AreEqual(1000 / (10e9 * 0.1) + 1e-6, small.Seconds, 1e-15);
    }

    [TestMethod]
    public void EffectiveCoresBoundTheSpeedUp()
    {
        var loaded = Target() with { EffectiveCores = new(1, "t") };
        var cost = CostModel.Estimate(Work(OpClass.MatrixProduct, macs: 1_000_000_000), loaded);
        Assert.AreEqual(2e9 / 10e9, cost.ComputeSeconds, 1e-12);
    }

    [TestMethod]
    public void IntegerNodesUseTheInt8PeakAndEnergy()
    {
        var cost = CostModel.Estimate(Work(OpClass.MatrixProduct, macs: 1_000_000_000, bytes: 10, integer: true), Target());
        Assert.AreEqual(2e9 / (40e9 * 2), cost.ComputeSeconds, 1e-12);
        Assert.AreEqual((1e9 * 0.5 + 10 * 100) * 1e-12, cost.Joules, 1e-18);
    }

    [TestMethod]
    public void EnergyIsMacsTimesEnergyPerMacPlusBytesTimesEnergyPerByte()
    {
        var cost = CostModel.Estimate(Work(OpClass.MatrixProduct, macs: 1000, bytes: 200), Target());
        Assert.AreEqual((1000 * 4 + 200 * 100) * 1e-12, cost.Joules, 1e-20);
        var estimate = CostModel.Estimate([Work(OpClass.MatrixProduct, macs: 1000, bytes: 200), Work(OpClass.Elementwise, operations: 10)], Target());
        Assert.AreEqual(estimate.Nodes.Sum(n => n.Seconds), estimate.Seconds, 1e-15);
    }

    [TestMethod]
    public void EveryReferenceConstantNamesItsSource()
    {
        foreach (var target in ReferenceTargets.All)
        {
            var constants = target.Constants().ToList();
            Assert.IsTrue(constants.Count >= 18, target.Name);
            foreach (var (name, value) in constants)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(value.Source), $"{target.Name}: {name}");
                Assert.IsTrue(double.IsFinite(value.Value) && value.Value >= 0, $"{target.Name}: {name}");
            }
        }
    }
}
