using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Tests.Elementwise;

[TestClass]
public sealed class BroadcastPlanTests
{
    [TestMethod]
    public void EqualShapesAreOneElementwiseRun()
    {
        var plan = BroadcastPlan.Create(new long[] { 3, 4, 5 }, new long[] { 3, 4, 5 });

        Assert.IsTrue(plan.IsElementwise);
        CollectionAssert.AreEqual(new long[] { 3, 4, 5 }, plan.OutputDims);
        Assert.AreEqual(60, plan.OutputLength);
    }

    [TestMethod]
    public void TrailingVectorGivesRowsWhereBothInputsAdvance()
    {
        var plan = BroadcastPlan.Create(new long[] { 3, 4, 5 }, new long[] { 5 });

        Assert.IsFalse(plan.IsElementwise);
        Assert.AreEqual(5, plan.RowLength);
        Assert.AreEqual(12, plan.RowCount);
        Assert.AreEqual(1, plan.RowStride(0));
        Assert.AreEqual(1, plan.RowStride(1));
        var rows = plan.Rows();
        for (int row = 0; row < plan.RowCount; row++)
        {
            Assert.AreEqual(row * 5, rows.Offset(0));
            Assert.AreEqual(0, rows.Offset(1));
            rows.Next();
        }
    }

    [TestMethod]
    public void ScalarIsOneRowWithTheScalarRepeated()
    {
        var plan = BroadcastPlan.Create(new long[] { 3, 4, 5 }, new long[] { 1 });

        Assert.AreEqual(1, plan.RowCount);
        Assert.AreEqual(60, plan.RowLength);
        Assert.AreEqual(0, plan.RowStride(1));
    }

    [TestMethod]
    public void OuterProductWalksBothInputsByTheirOwnStrides()
    {
        // [2,1] with [1,3]: rows of 3 where x repeats one element and y advances.
        var plan = BroadcastPlan.Create(new long[] { 2, 1 }, new long[] { 1, 3 });

        CollectionAssert.AreEqual(new long[] { 2, 3 }, plan.OutputDims);
        Assert.AreEqual(3, plan.RowLength);
        Assert.AreEqual(0, plan.RowStride(0));
        Assert.AreEqual(1, plan.RowStride(1));
        var rows = plan.Rows();
        rows.Next();
        Assert.AreEqual(1, rows.Offset(0));
        Assert.AreEqual(0, rows.Offset(1));
    }

    [TestMethod]
    public void MiddleBroadcastKeepsTheOuterStride()
    {
        // [2,3,4] with [2,1,4]: y's row restarts for each of the 3 middle positions, then moves on by 4.
        var plan = BroadcastPlan.Create(new long[] { 2, 3, 4 }, new long[] { 2, 1, 4 });
        var offsets = new List<int>();
        var rows = plan.Rows();
        for (int row = 0; row < plan.RowCount; row++)
        {
            offsets.Add(rows.Offset(1));
            rows.Next();
        }

        CollectionAssert.AreEqual(new[] { 0, 0, 0, 4, 4, 4 }, offsets);
    }

    [TestMethod]
    public void IncompatibleShapesAreRejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => BroadcastPlan.Create(new long[] { 3, 4 }, new long[] { 3 }));
        Assert.ThrowsExactly<ArgumentException>(() => BroadcastPlan.ToShape(new long[] { 4 }, new long[] { 3, 4 }));
    }

    [TestMethod]
    public void EmptyOutputHasNoRows()
    {
        var plan = BroadcastPlan.Create(new long[] { 0, 3 }, new long[] { 3 });

        Assert.AreEqual(0, plan.OutputLength);
        Assert.AreEqual(0, plan.RowCount);
    }
}
