using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Tests.Movement;

/// <summary>Shape inference through the shape computations that exporters emit, with static and symbolic dims.</summary>
[TestClass]
public sealed class ShapeFoldingTests
{
    [TestMethod]
    public void ShapeGatherUnsqueezeConcatGivesReshapeAStaticShape()
    {
        var g = new MovementGraph();
        var x = g.Input("x", Tensor.Create(DataType.Float, 2, 3, 4));
        var y = g.Input("y", Tensor.Create(DataType.Float, 24), declared: null);
        var first = g.Node("Gather", [g.Node("Shape", [x]), g.Constant("zero", Tensor.Scalar(0L))]);
        var target = g.Node("Concat", [g.Node("Unsqueeze", [first, g.Constant("axes", Tensor.FromArray(new long[] { 0 }, 1))]),
            g.Constant("rest", Tensor.FromArray(new long[] { -1 }, 1))], ("axis", 0L));
        var reshaped = g.Node("Reshape", [y, target]);
        var result = g.Run(reshaped);
        Assert.AreEqual(new Shape(2, 12), reshaped.Shape);
        CollectionAssert.AreEqual(new long[] { 2, 12 }, result.Dims);
    }

    [TestMethod]
    public void ReshapeKeepsSymbolicDims()
    {
        var g = new MovementGraph();
        var batch = Dim.Named("batch");
        var x = g.Input("x", Tensor.Create(DataType.Float, 5, 3, 4), new Shape([batch, 3, 4]));
        var flat = g.Node("Reshape", [x, g.Constant("s", Tensor.FromArray(new long[] { 0, -1 }, 2))]);
        var split = g.Node("Reshape", [x, g.Constant("t", Tensor.FromArray(new long[] { -1, 4 }, 2))]);
        var flattened = g.Node("Flatten", [x], ("axis", 1L));
        g.Infer();
        Assert.AreEqual(new Shape([batch, 12]), flat.Shape);
        Assert.AreEqual(new Shape([Dim.Unknown, 4]), split.Shape);
        Assert.AreEqual(new Shape([batch, 12]), flattened.Shape);
    }

    [TestMethod]
    public void SliceOfUnknownLengthKeepsTheWholeAxis()
    {
        var g = new MovementGraph();
        var x = g.Input("x", Tensor.Create(DataType.Float, 5, 8), new Shape([Dim.Named("n"), 8]));
        var sliced = g.Node("Slice", [x, Ints("s", 0, 2), Ints("e", long.MaxValue, -2)]);
        g.Infer();
        Assert.AreEqual(new Shape([Dim.Named("n"), 4]), sliced.Shape);

        Value Ints(string name, params long[] values) => g.Constant(name, Tensor.FromArray(values, values.Length));
    }
}
