using Aidge.Passes.Cleanup;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Cleanup;

[TestClass]
public sealed class CancelTransposesTests
{
    [TestMethod]
    public void InverseTransposesVanish()
    {
        var builder = new ModelBuilder().Input("x", 2, 3, 4)
            .Node("Transpose", ["x"], ["t"], ("perm", new long[] { 1, 2, 0 }))
            .Node("Transpose", ["t"], ["u"], ("perm", new long[] { 2, 0, 1 }))
            .Node("Relu", ["u"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new CancelTransposes()]);

        Assert.AreEqual("Relu", optimized.Graph.Nodes.Single().OpType);
    }

    [TestMethod]
    public void TwoTransposesBecomeOneByTheComposedPermutation()
    {
        var builder = new ModelBuilder().Input("x", 2, 3, 4)
            .Node("Transpose", ["x"], ["t"], ("perm", new long[] { 1, 0, 2 }))
            .Node("Transpose", ["t"], ["y"], ("perm", new long[] { 0, 2, 1 }))
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new CancelTransposes()]);

        var transpose = optimized.Graph.Nodes.Single();
        Assert.AreEqual("x", transpose.Input(0)!.Name);
        CollectionAssert.AreEqual(new long[] { 1, 2, 0 }, transpose.GetInts("perm"));
    }

    [TestMethod]
    public void AReshapeChainBecomesOneReshape()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3, 4)
            .Initializer("axes", new long[] { 1 }, 1)
            .Initializer("target", new long[] { 4, -1 }, 2)
            .Node("Flatten", ["x"], ["flat"], ("axis", 1L))
            .Node("Unsqueeze", ["flat", "axes"], ["wide"])
            .Node("Reshape", ["wide", "target"], ["r"])
            .Node("Relu", ["r"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new CancelTransposes(), new EliminateDeadCode()]);

        CollectionAssert.AreEqual(new[] { "Reshape", "Relu" }, optimized.Graph.Nodes.Select(n => n.OpType).ToArray());
        var reshape = optimized.Graph.Nodes[0];
        Assert.AreEqual("x", reshape.Input(0)!.Name);
        CollectionAssert.AreEqual(new long[] { 4, 6 }, reshape.Input(1)!.Initializer!.ToInt64Array());
    }

    [TestMethod]
    public void AFlattenOfAnUnsqueezeBecomesAReshapeInPlaceOfTheFlatten()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 6)
            .Initializer("axes", new long[] { 2 }, 1)
            .Node("Unsqueeze", ["x", "axes"], ["u"])
            .Node("Flatten", ["u"], ["f"], ("axis", 2L))
            .Node("Sigmoid", ["f"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new CancelTransposes()]);

        CollectionAssert.AreEqual(new[] { "Reshape", "Sigmoid" }, optimized.Graph.Nodes.Select(n => n.OpType).ToArray());
    }

    [TestMethod]
    public void AReshapeAndItsInverseVanishEvenIntoAGraphOutput()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3, 4)
            .Initializer("flat", new long[] { 6, 4 }, 2)
            .Initializer("back", new long[] { 2, 3, 4 }, 3)
            .Node("Relu", ["x"], ["r"])
            .Node("Reshape", ["r", "flat"], ["f"])
            .Node("Reshape", ["f", "back"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new CancelTransposes()]);

        Assert.AreEqual("y", optimized.Graph.Nodes.Single().Output(0)!.Name);
    }

    [TestMethod]
    public void AFirstTransposeOthersReadStays()
    {
        var builder = new ModelBuilder().Input("x", 2, 3)
            .Node("Transpose", ["x"], ["t"], ("perm", new long[] { 1, 0 }))
            .Node("Transpose", ["t"], ["u"], ("perm", new long[] { 1, 0 }))
            .Node("Add", ["x", "u"], ["y"])
            .Output("y")
            .Output("t");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new CancelTransposes()]);

        CollectionAssert.AreEqual(new[] { "Transpose", "Add" }, optimized.Graph.Nodes.Select(n => n.OpType).ToArray());
        Assert.AreEqual("x", optimized.Graph.Nodes[1].Input(1)!.Name);
    }
}
