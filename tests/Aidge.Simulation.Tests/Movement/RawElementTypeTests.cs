using Aidge.Core.Tensors;

namespace Aidge.Simulation.Tests.Movement;

/// <summary>
/// Movement kernels copy elements by size, so types that no conformance case moves (strings, bool, bfloat16)
/// go through the same path as float; these tests pin that.
/// </summary>
[TestClass]
public sealed class RawElementTypeTests
{
    private static readonly string[] Words = ["a", "b", "c", "d", "e", "f"];

    [TestMethod]
    public void TransposesStrings()
    {
        var g = new MovementGraph();
        var x = g.Input("x", Tensor.FromStrings([2, 3], Words));
        var y = g.Run(g.Node("Transpose", [x]));
        CollectionAssert.AreEqual(new long[] { 3, 2 }, y.Dims);
        CollectionAssert.AreEqual(new[] { "a", "d", "b", "e", "c", "f" }, y.Strings);
    }

    [TestMethod]
    public void ConcatenatesAndGathersStrings()
    {
        var g = new MovementGraph();
        var x = g.Input("x", Tensor.FromStrings([2, 3], Words));
        var both = g.Node("Concat", [x, x], ("axis", 1L));
        var picked = g.Node("Gather", [both, g.Constant("i", Tensor.FromArray(new long[] { -1, 0 }, 2))], ("axis", 1L));
        var y = g.Run(picked);
        CollectionAssert.AreEqual(new[] { "c", "a", "f", "d" }, y.Strings);
    }

    [TestMethod]
    public void SlicesBoolBackwards()
    {
        var g = new MovementGraph();
        var x = g.Input("x", Tensor.FromSpan<byte>(DataType.Bool, [4], [1, 0, 0, 1]));
        var y = g.Run(g.Node("Slice", [x, Ints("starts", -2), Ints("ends", long.MinValue), Ints("axes", 0), Ints("steps", -1)]));
        Assert.AreEqual(DataType.Bool, y.Type);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 1 }, y.Span<byte>().ToArray());

        Aidge.Core.Graphs.Value Ints(string name, long value) => g.Constant(name, Tensor.FromArray([value], 1));
    }

    [TestMethod]
    public void PadsBFloat16ByReflection()
    {
        var g = new MovementGraph();
        var values = new[] { 1f, 2f, 3f }.Select(BFloat16.FromSingle).ToArray();
        var x = g.Input("x", Tensor.FromSpan<BFloat16>(DataType.BFloat16, [3], values));
        var y = g.Run(g.Node("Pad", [x, g.Constant("pads", Tensor.FromArray(new long[] { 2, 3 }, 2))], ("mode", "reflect")));
        var result = y.Span<BFloat16>().ToArray().Select(v => v.ToSingle()).ToArray();
        CollectionAssert.AreEqual(new[] { 3f, 2f, 1f, 2f, 3f, 2f, 1f, 2f }, result);
    }

    [TestMethod]
    public void ExpandsFloat16()
    {
        var g = new MovementGraph();
        var x = g.Input("x", Tensor.FromSpan<Half>(DataType.Float16, [2, 1], [(Half)1, (Half)2]));
        var y = g.Run(g.Node("Expand", [x, g.Constant("shape", Tensor.FromArray(new long[] { 2, 2, 3 }, 3))]));
        CollectionAssert.AreEqual(new long[] { 2, 2, 3 }, y.Dims);
        CollectionAssert.AreEqual(new[] { 1f, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2 }, y.Span<Half>().ToArray().Select(h => (float)h).ToArray());
    }
}
