using Aidge.Core.Graphs;
using Aidge.Passes.Memory;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Memory;

[TestClass]
public sealed class MemoryPlannerTests
{
    private const long Alignment = 64;

    /// <summary>Every [1,16] float tensor is 64 bytes: one alignment unit.</summary>
    private const long Tensor = 64;

    private static readonly InPlacePredicate Always = (_, _, _) => true;
    private static readonly InPlacePredicate Never = (_, _, _) => false;

    [TestMethod]
    public void ChainOfElementwiseNodesRunsInOneBlock()
    {
        var plan = Plan(Chain(), Always);

        Assert.AreEqual(Tensor, plan.ArenaBytes);
        Assert.AreEqual(plan.Offsets["a"], plan.Offsets["b"]);
        Assert.AreEqual(plan.Offsets["b"], plan.Offsets["c"]);
        CollectionAssert.AreEqual(new[] { "b over a", "c over b" }, plan.InPlace.Select(r => $"{r.Output} over {r.Input}").ToArray());
        // Without in-place, a and c (steps 0-1 and 2-3) can share, b overlaps both.
        Assert.AreEqual(2 * Tensor, plan.ArenaBytesWithoutInPlace);
        Assert.AreEqual(3 * Tensor, plan.ActivationBytes);
        Assert.AreEqual(Tensor, plan.LowerBoundBytes);
    }

    [TestMethod]
    public void WithoutInPlaceTensorsAliveAtTheSameStepNeverShareBytes()
    {
        var plan = Plan(Chain(), Never);

        Assert.IsEmpty(plan.InPlace);
        Assert.AreEqual(plan.ArenaBytesWithoutInPlace, plan.ArenaBytes);
        Assert.AreEqual(2 * Tensor, plan.ArenaBytes);
        Assert.AreNotEqual(plan.Offsets["a"], plan.Offsets["b"]);
        Assert.AreNotEqual(plan.Offsets["b"], plan.Offsets["c"]);
        Assert.AreEqual(plan.Offsets["a"], plan.Offsets["c"]);
        Assert.AreEqual(2 * Tensor, plan.LowerBoundBytes);
    }

    [TestMethod]
    public void AnInputReadByALaterNodeIsNotWrittenOver()
    {
        // a is read again by the Add, so b cannot take its bytes; the Add is a's and b's last reader, so c takes a's.
        var graph = Import(new ModelBuilder().Input("x", 1, 16)
            .Node("Relu", ["x"], ["a"])
            .Node("Relu", ["a"], ["b"])
            .Node("Add", ["a", "b"], ["c"])
            .Node("Relu", ["c"], ["y"])
            .Output("y"));

        var plan = Plan(graph, Always);

        Assert.AreNotEqual(plan.Offsets["a"], plan.Offsets["b"]);
        Assert.AreEqual(plan.Offsets["a"], plan.Offsets["c"]);
        Assert.AreEqual("c over a", plan.InPlace.Single() is var r ? $"{r.Output} over {r.Input}" : null);
        Assert.AreEqual(2 * Tensor, plan.ArenaBytes);
    }

    [TestMethod]
    public void AnOutputOfAnotherSizeNeverTakesItsInputsBytes()
    {
        var graph = Import(new ModelBuilder().Input("x", 1, 16)
            .Node("Relu", ["x"], ["a"])
            .Node("Concat", ["a", "a"], ["c"], ("axis", 1L))
            .Node("Relu", ["c"], ["y"])
            .Output("y"));

        var plan = Plan(graph, Always);

        Assert.IsEmpty(plan.InPlace);
        Assert.AreEqual(3 * Tensor, plan.ArenaBytes);
    }

    [TestMethod]
    public void TheTargetDecidesPerNodeAndInput()
    {
        // Only the second input of the Add may be written over: the output must take b's bytes, not a's.
        var graph = Import(new ModelBuilder().Input("x", 1, 16)
            .Node("Relu", ["x"], ["a"])
            .Node("Neg", ["x"], ["b"])
            .Node("Add", ["a", "b"], ["c"])
            .Node("Relu", ["c"], ["y"])
            .Output("y"));

        var plan = Plan(graph, (node, output, input) => node.OpType == "Add" && input == 1);

        Assert.AreEqual("c over b", plan.InPlace.Single() is var r ? $"{r.Output} over {r.Input}" : null);
        Assert.AreEqual(plan.Offsets["b"], plan.Offsets["c"]);
    }

    [TestMethod]
    public void CallerBuffersAndConstantsAreNotInTheArena()
    {
        var graph = Import(new ModelBuilder().Input("x", 1, 16)
            .RandomInitializer("w", 1f, 1, 16)
            .Node("Add", ["x", "w"], ["a"])
            .Node("Relu", ["a"], ["y"])
            .Output("y"));

        var plan = Plan(graph, Always);

        CollectionAssert.AreEquivalent(new[] { "a" }, plan.Offsets.Keys.ToArray());
    }

    [TestMethod]
    public void LowerBoundIsTheLargestSetOfTensorsAliveAtOneStep()
    {
        // Step 2 ('right') holds a (read there for the last time), left and right: three tensors.
        var graph = Import(new ModelBuilder().Input("x", 1, 16)
            .Node("Relu", ["x"], ["a"])
            .Node("Relu", ["a"], ["left"])
            .Node("Neg", ["a"], ["right"])
            .Node("Add", ["left", "right"], ["y"])
            .Output("y"));

        var plan = Plan(graph, Never);

        Assert.AreEqual(3 * Tensor, plan.LowerBoundBytes);
        Assert.AreEqual(2, plan.LowerBoundStep);
        Assert.AreEqual("Neg_2", plan.LowerBoundNode);
        Assert.AreEqual(3 * Tensor, plan.ArenaBytes);
        Assert.AreEqual(3 * Tensor, plan.ActivationBytes);
    }

    [TestMethod]
    public void SmallTensorsArePaddedToTheAlignment()
    {
        // Three 4-byte tensors alive together: 12 bytes of activations, 3 alignment units of arena.
        var graph = Import(new ModelBuilder().Input("x", 1, 1)
            .Node("Relu", ["x"], ["a"])
            .Node("Neg", ["x"], ["b"])
            .Node("Abs", ["x"], ["c"])
            .Node("Sum", ["a", "b", "c"], ["y"])
            .Output("y"));

        var plan = Plan(graph, Never);

        Assert.AreEqual(12, plan.ActivationBytes);
        Assert.AreEqual(12, plan.LowerBoundBytes);
        Assert.AreEqual(3 * Alignment, plan.ArenaBytes);
        Assert.IsTrue(plan.Offsets.Values.All(o => o % Alignment == 0));
    }

    [TestMethod]
    public void GraphWithoutIntermediateTensorsHasAnEmptyArena()
    {
        var graph = Import(new ModelBuilder().Input("x", 1, 16).Node("Relu", ["x"], ["y"]).Output("y"));

        var plan = Plan(graph, Always);

        Assert.AreEqual(0, plan.ArenaBytes);
        Assert.AreEqual(-1, plan.LowerBoundStep);
        Assert.IsNull(plan.LowerBoundNode);
    }

    /// <summary>x → a → b → c → y, four Relus.</summary>
    private static Graph Chain() => Import(new ModelBuilder().Input("x", 1, 16)
        .Node("Relu", ["x"], ["a"])
        .Node("Relu", ["a"], ["b"])
        .Node("Relu", ["b"], ["c"])
        .Node("Relu", ["c"], ["y"])
        .Output("y"));

    private static Graph Import(ModelBuilder builder) => PassTesting.Import(builder.ToBytes()).Graph;

    private static MemoryPlan Plan(Graph graph, InPlacePredicate mayWriteOver) =>
        MemoryPlanner.Plan(graph, v => v.Initializer is not null, mayWriteOver, Alignment);
}
