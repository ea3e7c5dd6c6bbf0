using Aidge.Core.Operators;
using Aidge.Core.Tensors;

namespace Aidge.Core.Tests;

[TestClass]
public sealed class ShapeMathTests
{
    [TestMethod]
    public void BroadcastsKnownAndSymbolicDims()
    {
        var a = new Shape(new[] { Dim.Named("batch"), Dim.Of(1), Dim.Of(4) });
        var b = new Shape(3, 1);
        Assert.AreEqual(new Shape(new[] { Dim.Named("batch"), Dim.Of(3), Dim.Of(4) }), ShapeMath.Broadcast(a, b));
        Assert.IsNull(ShapeMath.Broadcast(a, null));
    }

    [TestMethod]
    public void BroadcastRejectsIncompatibleDims() =>
        Assert.ThrowsExactly<ArgumentException>(() => ShapeMath.Broadcast(new Shape(2, 3), new Shape(4, 3)));

    [TestMethod]
    public void BroadcastsConcreteDimsIncludingZero()
    {
        CollectionAssert.AreEqual(new long[] { 2, 3, 4 }, ShapeMath.Broadcast(new long[] { 2, 1, 4 }, new long[] { 3, 1 }));
        CollectionAssert.AreEqual(new long[] { 0, 4 }, ShapeMath.Broadcast(new long[] { 0, 1 }, new long[] { 4 }));
    }

    [TestMethod]
    public void NormalizesAxes()
    {
        Assert.AreEqual(3, ShapeMath.NormalizeAxis(-1, 4));
        Assert.AreEqual(0, ShapeMath.NormalizeAxis(0, 4));
        Assert.ThrowsExactly<ArgumentException>(() => ShapeMath.NormalizeAxis(4, 4));
        Assert.ThrowsExactly<ArgumentException>(() => ShapeMath.NormalizeAxis(-5, 4));
    }
}
