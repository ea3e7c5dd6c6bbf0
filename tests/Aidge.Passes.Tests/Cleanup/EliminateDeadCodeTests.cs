using Aidge.Passes.Cleanup;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Cleanup;

[TestClass]
public sealed class EliminateDeadCodeTests
{
    [TestMethod]
    public void NodesThatReachNoOutputGoWithTheirWeights()
    {
        var builder = new ModelBuilder().Input("x", 4).Input("unused", 2)
            .Initializer("w", new float[] { 1, 2, 3, 4 }, 4)
            .Initializer("never_read", new float[] { 5, 6 }, 2)
            .Node("Mul", ["x", "w"], ["scaled"])
            .Node("Sigmoid", ["scaled"], ["dead"])
            .Node("Relu", ["x"], ["y"])
            .Output("y");

        var (optimized, records) = PassTesting.Optimize(builder, [new EliminateDeadCode()]);
        PassTesting.AssertSameOutputs(PassTesting.Import(builder.ToBytes()), optimized, builder.Feeds, 0, 0);

        Assert.AreEqual("Relu", optimized.Graph.Nodes.Single().OpType);
        Assert.IsEmpty(optimized.Graph.Initializers);
        CollectionAssert.AreEqual(new[] { "x", "unused" }, optimized.Graph.Inputs.Select(v => v.Name).ToArray(), "Inputs are the interface.");
        Assert.AreEqual(2, records[0].Result.NodesRemoved);
        Assert.AreEqual(6 * sizeof(float), records[0].Result.BytesSaved);
    }

    [TestMethod]
    public void ALiveGraphIsLeftAlone()
    {
        var builder = new ModelBuilder().Input("x", 4)
            .Initializer("w", new float[] { 1, 2, 3, 4 }, 4)
            .Node("Mul", ["x", "w"], ["y"])
            .Output("y");

        var (optimized, records) = PassTesting.Optimize(builder, [new EliminateDeadCode()]);

        Assert.AreEqual(1, optimized.Graph.Nodes.Count);
        Assert.IsFalse(records[0].Result.Changed);
    }
}
