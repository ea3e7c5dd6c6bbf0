using Aidge.Core.Tensors;
using Aidge.Passes.Cleanup;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Cleanup;

[TestClass]
public sealed class RemoveIdentitiesTests
{
    [TestMethod]
    public void EveryKindOfCopyGoes()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3, 4)
            .Initializer("same_shape", new long[] { 2, 3, 4 }, 3)
            .Initializer("starts", new long[] { 0, 0 }, 2)
            .Initializer("ends", new long[] { long.MaxValue, 3 }, 2)
            .Initializer("axes", new long[] { 0, 1 }, 2)
            .Initializer("zero_pads", new long[6], 6)
            .Node("Identity", ["x"], ["a"])
            .Node("Dropout", ["a"], ["b"])
            .Node("Cast", ["b"], ["c"], ("to", (long)DataType.Float))
            .Node("Reshape", ["c", "same_shape"], ["d"])
            .Node("Transpose", ["d"], ["e"], ("perm", new long[] { 0, 1, 2 }))
            .Node("Slice", ["e", "starts", "ends", "axes"], ["f"])
            .Node("Pad", ["f", "zero_pads"], ["g"])
            .Node("Concat", ["g"], ["h"], ("axis", 1L))
            .Node("Expand", ["h", "same_shape"], ["i"])
            .Node("Relu", ["i"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new RemoveIdentities()]);

        Assert.AreEqual("Relu", optimized.Graph.Nodes.Single().OpType);
        Assert.AreEqual("x", optimized.Graph.Nodes[0].Input(0)!.Name);
    }

    [TestMethod]
    public void CopiesThatComputeSomethingStay()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 3, 3)
            .Initializer("starts", new long[] { -1 }, 1)
            .Initializer("ends", new long[] { long.MinValue }, 1)
            .Initializer("axes", new long[] { 0 }, 1)
            .Initializer("steps", new long[] { -1 }, 1)
            .Initializer("pads", new long[] { 1, 0, -1, 0 }, 4)
            .Node("Transpose", ["x"], ["t"], ("perm", new long[] { 1, 0 }))
            .Node("Slice", ["t", "starts", "ends", "axes", "steps"], ["reversed"])
            .Node("Pad", ["reversed", "pads"], ["shifted"])
            .Node("Cast", ["shifted"], ["y"], ("to", (long)DataType.Int64))
            .Output("y", DataType.Int64);

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new RemoveIdentities()]);

        CollectionAssert.AreEqual(new[] { "Transpose", "Slice", "Pad", "Cast" }, optimized.Graph.Nodes.Select(n => n.OpType).ToArray());
    }

    [TestMethod]
    public void AGraphOutputKeepsItsNameWhenItsCopyGoes()
    {
        var builder = new ModelBuilder().Input("x", 4)
            .Node("Relu", ["x"], ["r"])
            .Node("Identity", ["r"], ["y"])
            .Node("Neg", ["r"], ["z"])
            .Output("y")
            .Output("z");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new RemoveIdentities()]);

        var relu = optimized.Graph.Nodes.Single(n => n.OpType == "Relu");
        Assert.AreEqual("y", relu.Output(0)!.Name);
        Assert.AreEqual("y", optimized.Graph.Nodes.Single(n => n.OpType == "Neg").Input(0)!.Name);
        CollectionAssert.AreEqual(new[] { "y", "z" }, optimized.Graph.Outputs.Select(v => v.Name).ToArray());
    }

    [TestMethod]
    public void ACopyFromAGraphInputToAGraphOutputStays()
    {
        var builder = new ModelBuilder().Input("x", 4).Node("Identity", ["x"], ["y"]).Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new RemoveIdentities()]);

        Assert.AreEqual("Identity", optimized.Graph.Nodes.Single().OpType);
    }

    [TestMethod]
    public void DropoutStaysWhenItsMaskIsReadOrItTrains()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 4)
            .Initializer("ratio", [0.5f])
            .Initializer("training", Tensor.FromSpan<bool>(DataType.Bool, [], [true]))
            .Node("Dropout", ["x"], ["a", "mask"])
            .Node("Dropout", ["a", "ratio", "training"], ["y"])
            .Output("y")
            .Output("mask", DataType.Bool);

        var (optimized, records) = PassTesting.Optimize(builder, [new RemoveIdentities()]);

        Assert.AreEqual(2, PassTesting.Count(optimized.Graph, "Dropout"));
        Assert.IsFalse(records[0].Result.Changed);
    }
}
