using Aidge.Passes.Cleanup;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Cleanup;

[TestClass]
public sealed class EliminateCommonSubexpressionsTests
{
    [TestMethod]
    public void EqualWeightsMergeAndThenTheNodesReadingThem()
    {
        var builder = new ModelBuilder().Input("x", 4)
            .Initializer("w1", new float[] { 1, 2, 3, 4 }, 4)
            .Initializer("w2", new float[] { 1, 2, 3, 4 }, 4)
            .Node("Mul", ["x", "w1"], ["a"])
            .Node("Mul", ["x", "w2"], ["b"])
            .Node("Add", ["a", "b"], ["y"])
            .Output("y");

        var (optimized, records) = PassTesting.Optimize(builder, [new EliminateCommonSubexpressions()]);
        PassTesting.AssertSameOutputs(PassTesting.Import(builder.ToBytes()), optimized, builder.Feeds, 0, 0);

        var graph = optimized.Graph;
        Assert.AreEqual(1, PassTesting.Count(graph, "Mul"));
        Assert.AreEqual("w1", graph.Initializers.Single().Name);
        var add = graph.Nodes.Single(n => n.OpType == "Add");
        Assert.AreSame(add.Input(0), add.Input(1));
        Assert.AreEqual(4 * sizeof(float), records[0].Result.BytesSaved);
        Assert.AreEqual(2, records[0].Result.Rewrites);
    }

    [TestMethod]
    public void DifferentAttributesOrDataDoNotMerge()
    {
        var builder = new ModelBuilder().Input("x", 4)
            .Initializer("w1", new float[] { 1, 2, 3, 4 }, 4)
            .Initializer("w2", new float[] { 1, 2, 3, 4 }, 2, 2)
            .Node("LeakyRelu", ["x"], ["a"], ("alpha", 0.1f))
            .Node("LeakyRelu", ["x"], ["b"], ("alpha", 0.2f))
            .Node("Add", ["a", "b"], ["s"])
            .Node("Reshape", ["w1", "shape"], ["w1r"])
            .Initializer("shape", new long[] { 2, 2 }, 2)
            .Node("Add", ["w1r", "w2"], ["t"])
            .Output("s")
            .Output("t");

        var (optimized, records) = PassTesting.Optimize(builder, [new EliminateCommonSubexpressions()]);

        Assert.AreEqual(2, PassTesting.Count(optimized.Graph, "LeakyRelu"));
        Assert.HasCount(3, optimized.Graph.Initializers);
        Assert.IsFalse(records[0].Result.Changed);
    }

    [TestMethod]
    public void DuplicatesThatAreGraphOutputsKeepTheirNames()
    {
        var builder = new ModelBuilder().Input("x", 4)
            .Node("Relu", ["x"], ["y1"])
            .Node("Relu", ["x"], ["y2"])
            .Output("y1")
            .Output("y2");

        var (optimized, _) = PassTesting.Optimize(builder, [new EliminateCommonSubexpressions()]);

        Assert.AreEqual(2, PassTesting.Count(optimized.Graph, "Relu"));
    }
}
