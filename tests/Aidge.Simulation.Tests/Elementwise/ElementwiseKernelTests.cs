using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using static Aidge.Simulation.Tests.Elementwise.SingleNode;

namespace Aidge.Simulation.Tests.Elementwise;

[TestClass]
public sealed class ElementwiseKernelTests
{
    [TestMethod]
    public void LegacyBroadcastPlacesBAtAxis()
    {
        var a = Tensor.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var b = Tensor.FromArray(new float[] { 10, 20 }, 2);

        var sum = Run("Add", 6, new[] { a, b }, NodeAttribute.Of("broadcast", 1L), NodeAttribute.Of("axis", 0L));

        CollectionAssert.AreEqual(new float[] { 11, 12, 13, 24, 25, 26 }, sum.Span<float>().ToArray());
    }

    [TestMethod]
    public void ModTakesTheDivisorsSignUnlessFmod()
    {
        var x = Tensor.FromArray(new[] { -4, 7, 5, 4, -7, 8 }, 6);
        var y = Tensor.FromArray(new[] { 2, -3, 8, -2, 3, 5 }, 6);

        var floored = Run("Mod", 13, new[] { x, y });
        var truncated = Run("Mod", 13, new[] { x, y }, NodeAttribute.Of("fmod", 1L));

        CollectionAssert.AreEqual(new[] { 0, -2, 5, 0, 2, 3 }, floored.Span<int>().ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1, 5, 0, -1, 3 }, truncated.Span<int>().ToArray());
    }

    [TestMethod]
    public void IntegerDivisionTruncatesTowardZero()
    {
        var quotient = Run("Div", 14, new[] { Tensor.FromArray(new[] { -3, 3, -3, 3 }, 4), Tensor.FromArray(new[] { 2, 2, -2, -2 }, 4) });

        CollectionAssert.AreEqual(new[] { -1, 1, 1, -1 }, quotient.Span<int>().ToArray());
    }

    [TestMethod]
    public void BitShiftByTheWidthOrMoreGivesZero()
    {
        var x = Of<byte>(DataType.UInt8, new long[] { 3 }, 1, 255, 16);
        var y = Of<byte>(DataType.UInt8, new long[] { 3 }, 7, 8, 2);

        var left = Run("BitShift", 11, new[] { x, y }, NodeAttribute.Of("direction", "LEFT"));
        var right = Run("BitShift", 11, new[] { x, y }, NodeAttribute.Of("direction", "RIGHT"));

        CollectionAssert.AreEqual(new byte[] { 128, 0, 64 }, left.Span<byte>().ToArray());
        CollectionAssert.AreEqual(new byte[] { 0, 0, 4 }, right.Span<byte>().ToArray());
    }

    [TestMethod]
    public void PowKeepsTheBaseTypeAndHandlesNegativeIntegerExponents()
    {
        var bases = Tensor.FromArray(new long[] { 2, 3, 2 }, 3);

        var exact = Run("Pow", 15, new[] { bases, Tensor.FromArray(new long[] { 62, 3, 0 }, 3) });
        var fractional = Run("Pow", 15, new[] { bases, Tensor.FromArray(new long[] { -1, 2, 1 }, 3) });
        var mixed = Run("Pow", 15, new[] { bases, Tensor.FromArray(new float[] { 0.5f, 2, 3 }, 3) });

        CollectionAssert.AreEqual(new long[] { 1L << 62, 27, 1 }, exact.Span<long>().ToArray());
        CollectionAssert.AreEqual(new long[] { 0, 9, 2 }, fractional.Span<long>().ToArray());
        Assert.AreEqual(DataType.Int64, mixed.Type);
        CollectionAssert.AreEqual(new long[] { 1, 9, 8 }, mixed.Span<long>().ToArray());
    }

    [TestMethod]
    public void SumBroadcastsEveryInput()
    {
        var result = Run("Sum", 13, new[]
        {
            Tensor.FromArray(new float[] { 1, 2 }, 2, 1),
            Tensor.FromArray(new float[] { 10, 20, 30 }, 3),
            Tensor.FromArray(new float[] { 100 }, 1),
        }, out var inferred);

        CollectionAssert.AreEqual(new long[] { 2, 3 }, result.Dims);
        CollectionAssert.AreEqual(new float[] { 111, 121, 131, 112, 122, 132 }, result.Span<float>().ToArray());
        Assert.AreEqual(new Shape(2, 3), inferred.Shape);
    }

    [TestMethod]
    public void ClipWithoutBoundsInOpset1LeavesValues()
    {
        var x = Tensor.FromArray(new[] { float.NegativeInfinity, 0, 5 }, 3);

        var unbounded = Run("Clip", 1, new[] { x });
        var lower = Run("Clip", 1, new[] { x }, NodeAttribute.Of("min", 1f));

        CollectionAssert.AreEqual(new[] { float.NegativeInfinity, 0, 5 }, unbounded.Span<float>().ToArray());
        CollectionAssert.AreEqual(new[] { 1f, 1, 5 }, lower.Span<float>().ToArray());
    }

    [TestMethod]
    public void ClipWithMinAboveMaxGivesMax()
    {
        var clipped = Run("Clip", 13, new[] { Tensor.FromArray(new float[] { -1, 0, 1 }, 3), Tensor.Scalar(2f), Tensor.Scalar(1f) });

        CollectionAssert.AreEqual(new float[] { 1, 1, 1 }, clipped.Span<float>().ToArray());
    }

    [TestMethod]
    public void WhereSelectsStringsWithBroadcasting()
    {
        var picked = Run("Where", 16, new[]
        {
            Bools(true, false),
            Tensor.FromStrings(new long[] { 1 }, new[] { "yes" }),
            Tensor.FromStrings(new long[] { 2 }, new[] { "no", "nope" }),
        });

        CollectionAssert.AreEqual(new[] { "yes", "nope" }, picked.Strings);
    }

    [TestMethod]
    public void EqualComparesStringsAndBools()
    {
        var strings = Run("Equal", 19, new[] { Tensor.FromStrings(new long[] { 2 }, new[] { "a", "b" }), Tensor.FromStrings(new long[] { 1 }, new[] { "a" }) });
        var bools = Run("Equal", 19, new[] { Bools(true, false), Bools(true, true) });

        CollectionAssert.AreEqual(new[] { true, false }, strings.Span<bool>().ToArray());
        CollectionAssert.AreEqual(new[] { true, false }, bools.Span<bool>().ToArray());
    }

    [TestMethod]
    public void CastParsesAndFormatsStrings()
    {
        var text = Tensor.FromStrings(new long[] { 5 }, new[] { "3.5", "1e-5", "-INF", "nan", "+inf" });
        var numbers = Run("Cast", 13, new[] { text }, NodeAttribute.Of("to", (long)DataType.Float));
        var integers = Run("Cast", 13, new[] { Tensor.FromStrings(new long[] { 2 }, new[] { "9007199254740993", "100.5" }) }, NodeAttribute.Of("to", (long)DataType.Int64));
        var formatted = Run("Cast", 13, new[] { Tensor.FromArray(new[] { 1f, 0.1f, 1e20f, float.NaN, float.NegativeInfinity }, 5) }, NodeAttribute.Of("to", (long)DataType.String));

        CollectionAssert.AreEqual(new[] { 3.5f, 1e-5f, float.NegativeInfinity, float.NaN, float.PositiveInfinity }, numbers.Span<float>().ToArray());
        CollectionAssert.AreEqual(new[] { 9007199254740993L, 100L }, integers.Span<long>().ToArray());
        CollectionAssert.AreEqual(new[] { "1.0", "0.1", "1e+20", "nan", "-inf" }, formatted.Strings);
    }

    [TestMethod]
    public void CastWrapsIntegersAndTestsBoolsForNonZero()
    {
        var narrowed = Run("Cast", 13, new[] { Of<short>(DataType.Int16, new long[] { 2 }, 200, -1) }, NodeAttribute.Of("to", (long)DataType.Int8));
        var flags = Run("Cast", 13, new[] { Tensor.FromArray(new[] { 0f, -0f, 2f, float.NaN }, 4) }, NodeAttribute.Of("to", (long)DataType.Bool));
        var named = Run("Cast", 1, new[] { Tensor.FromArray(new[] { 1.9f }, 1) }, NodeAttribute.Of("to", "INT32"));

        CollectionAssert.AreEqual(new sbyte[] { -56, -1 }, narrowed.Span<sbyte>().ToArray());
        CollectionAssert.AreEqual(new[] { false, false, true, true }, flags.Span<bool>().ToArray());
        CollectionAssert.AreEqual(new[] { 1 }, named.Span<int>().ToArray());
    }

    [TestMethod]
    public void HalfPrecisionInputsKeepTheirTypeThroughArithmetic()
    {
        var x = Of<Half>(DataType.Float16, new long[] { 2 }, (Half)1.5f, (Half)(-2f));

        var result = Run("Abs", 13, new[] { x });

        Assert.AreEqual(DataType.Float16, result.Type);
        CollectionAssert.AreEqual(new[] { (Half)1.5f, (Half)2f }, result.Span<Half>().ToArray());
    }

    [TestMethod]
    public void TanhAndErfStayAccurateForTinyInputs()
    {
        var x = Tensor.FromArray(new[] { 1e-7f, -3e-6f }, 2);

        var tanh = Run("Tanh", 13, new[] { x });
        var erf = Run("Erf", 13, new[] { x });

        Assert.AreEqual(1e-7f, tanh.Span<float>()[0], 1e-13f);
        Assert.AreEqual(-3e-6f, tanh.Span<float>()[1], 1e-12f);
        Assert.AreEqual((float)(2 / Math.Sqrt(Math.PI) * 1e-7), erf.Span<float>()[0], 1e-13f);
    }

    [TestMethod]
    public void ErfMatchesKnownValues()
    {
        Assert.AreEqual(0.8427007929497149, Kernels.Elementwise.SpecialFunctions.Erf(1), 1e-14);
        Assert.AreEqual(-0.9999779095030014, Kernels.Elementwise.SpecialFunctions.Erf(-3), 1e-14);
        Assert.AreEqual(1.0, Kernels.Elementwise.SpecialFunctions.Erf(7));
    }
}
