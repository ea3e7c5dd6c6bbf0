using Aidge.Compiler.Verification;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Tests;

/// <summary>The build-time check's comparison rule: what it accepts as rounding and what it reports as an exporter bug.</summary>
[TestClass]
public sealed class OutputComparisonTests
{
    [TestMethod]
    public void ReportsTheFirstMismatchAndTheWorstErrors()
    {
        var expected = Tensor.FromArray(new float[] { 1, 2, 3, 4 }, 4);
        var actual = Tensor.FromArray(new float[] { 1, 2.5f, 3, 2 }, 4);

        var difference = OutputComparison.Compare("y", expected, actual);

        Assert.IsFalse(difference.Agrees);
        Assert.AreEqual(2, difference.Mismatches);
        Assert.AreEqual(1, difference.FirstIndex);
        Assert.AreEqual(2.0, difference.MaxAbsError, 1e-12);
        Assert.AreEqual(0.5, difference.MaxRelError, 1e-12);
        StringAssert.Contains(difference.ToString(), "output 'y' differs at 2 of 4 elements (max abs error 2, max rel error 0.5; first at [1]: 2.5, simulator 2)");
    }

    [TestMethod]
    public void RoundingOfACancellingSumIsMeasuredAgainstTheOutputsScale()
    {
        // 1e-6 off an element that is almost zero: far outside 1e-7 + 1e-3·|e|, but rounding next to elements of size 10.
        var expected = Tensor.FromArray(new float[] { 10, 1e-8f, -7 }, 3);
        var actual = Tensor.FromArray(new float[] { 10.0001f, 1e-6f, -7 }, 3);

        Assert.IsTrue(OutputComparison.Compare("y", expected, actual).Agrees);
        Assert.IsFalse(OutputComparison.Compare("y", expected, Tensor.FromArray(new float[] { 10, 0.01f, -7 }, 3)).Agrees);
    }

    [TestMethod]
    public void IntegersMustBeEqualAndNaNsMatchNaNs()
    {
        Assert.IsFalse(OutputComparison.Compare("i", Tensor.FromArray(new long[] { 1000, 5 }, 2), Tensor.FromArray(new long[] { 1001, 5 }, 2)).Agrees);
        Assert.IsTrue(OutputComparison.Compare("f", Tensor.FromArray(new[] { float.NaN, 1 }, 2), Tensor.FromArray(new[] { float.NaN, 1 }, 2)).Agrees);
        Assert.IsFalse(OutputComparison.Compare("f", Tensor.FromArray(new[] { 0f, 1 }, 2), Tensor.FromArray(new[] { float.NaN, 1 }, 2)).Agrees);
    }
}
