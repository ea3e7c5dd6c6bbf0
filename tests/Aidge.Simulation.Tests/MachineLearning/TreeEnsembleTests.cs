using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Tests.MachineLearning;

/// <summary>
/// Aggregation and post_transform paths that no conformance case reaches. The forest has two one-split trees on
/// feature 0 (x &lt;= 0 goes to the true leaf): tree A gives target 0 weight 1 or target 1 weight 2, tree B gives
/// target 0 weight 3 or target 1 weight 4.
/// </summary>
[TestClass]
public sealed class TreeEnsembleTests
{
    private static readonly Tensor Rows = Tensor.FromArray([-1f, 1f], 2, 1);

    [TestMethod]
    public void AveragesOverTrees()
    {
        var y = Forest(("aggregate_function", 0L));
        CollectionAssert.AreEqual(new[] { 2f, 0f, 0f, 3f }, y.Span<float>().ToArray());
    }

    [TestMethod]
    public void TakesTheMinimumOfReachedLeaves()
    {
        var y = Forest(("aggregate_function", 2L));
        CollectionAssert.AreEqual(new[] { 1f, 0f, 0f, 2f }, y.Span<float>().ToArray());
    }

    [TestMethod]
    public void AppliesLogistic()
    {
        var y = Forest(("post_transform", 2L));
        Assert.AreEqual(1 / (1 + Math.Exp(-4)), y.Span<float>()[0], 1e-6);
        Assert.AreEqual(0.5f, y.Span<float>()[1]);
    }

    [TestMethod]
    public void SoftmaxZeroLeavesZeroScoresAlone()
    {
        var y = Forest(("post_transform", 3L));
        CollectionAssert.AreEqual(new[] { 1f, 0f, 0f, 1f }, y.Span<float>().ToArray());
    }

    private static Tensor Forest(params (string Name, long Value)[] options)
    {
        NodeAttribute[] attributes =
        [
            NodeAttribute.Of("n_targets", 2L),
            NodeAttribute.Of("tree_roots", [0L, 1L]),
            NodeAttribute.Of("nodes_modes", Tensor.FromSpan<byte>(DataType.UInt8, [2], [0, 0])),
            NodeAttribute.Of("nodes_featureids", [0L, 0L]),
            NodeAttribute.Of("nodes_splits", Tensor.FromArray([0f, 0f], 2)),
            NodeAttribute.Of("nodes_trueleafs", [1L, 1L]),
            NodeAttribute.Of("nodes_truenodeids", [0L, 2L]),
            NodeAttribute.Of("nodes_falseleafs", [1L, 1L]),
            NodeAttribute.Of("nodes_falsenodeids", [1L, 3L]),
            NodeAttribute.Of("leaf_targetids", [0L, 1L, 0L, 1L]),
            NodeAttribute.Of("leaf_weights", Tensor.FromArray([1f, 2f, 3f, 4f], 4)),
            .. options.Select(o => NodeAttribute.Of(o.Name, o.Value)),
        ];
        var y = MachineLearningGraph.Run("TreeEnsemble", Rows, attributes);
        CollectionAssert.AreEqual(new long[] { 2, 2 }, y.Dims);
        return y;
    }
}
