using Aidge.Core.Tensors;

namespace Aidge.Core.Tests;

[TestClass]
public sealed class TensorTests
{
    [TestMethod]
    public void CreateIsZeroFilledWithTheRightLength()
    {
        var tensor = Tensor.Create(DataType.Float, 2, 3);
        Assert.AreEqual(6, tensor.Length);
        Assert.AreEqual(24, tensor.Bytes.Length);
        Assert.IsTrue(tensor.Span<float>().ToArray().All(v => v == 0));
    }

    [TestMethod]
    public void HugeShapesAreRefusedBeforeAllocating()
    {
        // 2^40 floats: must be reported, not attempted.
        Assert.ThrowsExactly<ArgumentException>(() => Tensor.Create(DataType.Float, 1L << 20, 1L << 20));
        Assert.ThrowsExactly<ArgumentException>(() => Tensor.Create(DataType.Float, long.MaxValue, 2));
        Assert.ThrowsExactly<ArgumentException>(() => Tensor.Create(DataType.Float, -1));
    }

    [TestMethod]
    public void FromBytesChecksTheStorageLength()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Tensor.FromBytes(DataType.Float, new long[] { 3 }, new byte[8]));
        var ok = Tensor.FromBytes(DataType.Int16, new long[] { 2 }, new byte[] { 1, 0, 255, 255 });
        CollectionAssert.AreEqual(new short[] { 1, -1 }, ok.Span<short>().ToArray());
    }

    [TestMethod]
    public void ReshapeSharesStorage()
    {
        var tensor = Tensor.FromArray(new float[] { 1, 2, 3, 4 }, 4);
        var reshaped = tensor.Reshape(2, 2);
        CollectionAssert.AreEqual(new long[] { 2, 2 }, reshaped.Dims);
        Assert.IsTrue(tensor.Bytes.Span == reshaped.Bytes.Span);
        Assert.ThrowsExactly<ArgumentException>(() => tensor.Reshape(3));
    }

    [TestMethod]
    public void BFloat16RoundsToNearestEven()
    {
        Assert.AreEqual(1.0f, BFloat16.FromSingle(1.0f).ToSingle());
        // 1 + 2^-8 lies exactly between two bfloat16 values: ties go to the even mantissa (1.0).
        Assert.AreEqual(1.0f, BFloat16.FromSingle(1.0f + MathF.Pow(2, -8)).ToSingle());
        // 1 + 3·2^-8 lies between 1 + 2^-7 (odd mantissa) and 1 + 2^-6 (even): it goes up.
        Assert.AreEqual(1.0f + MathF.Pow(2, -6), BFloat16.FromSingle(1.0f + 3 * MathF.Pow(2, -8)).ToSingle());
        Assert.IsTrue(float.IsNaN(BFloat16.FromSingle(float.NaN).ToSingle()));
    }
}
