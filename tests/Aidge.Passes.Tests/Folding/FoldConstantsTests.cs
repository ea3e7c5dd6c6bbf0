using Aidge.Core.Tensors;
using Aidge.Passes.Cleanup;
using Aidge.Passes.Folding;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Folding;

[TestClass]
public sealed class FoldConstantsTests
{
    [TestMethod]
    public void PyTorchShapeFlattenFoldsIntoOneReshape()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3, 4);
        builder.Output(builder.Relu(builder.ShapeFlatten("x")));

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new FoldConstants(), new EliminateDeadCode()]);

        CollectionAssert.AreEqual(new[] { "Reshape", "Relu" }, optimized.Graph.Nodes.Select(n => n.OpType).ToArray());
        var target = optimized.Graph.Nodes[0].Input(1)!;
        CollectionAssert.AreEqual(new long[] { 2, -1 }, target.Initializer!.ToInt64Array());
        Assert.IsEmpty(optimized.Graph.Initializers.Where(v => v.Initializer!.Rank == 0 || v.Name.StartsWith("axes", StringComparison.Ordinal)),
            "The chain's own constants are gone.");
    }

    [TestMethod]
    public void ArithmeticOnWeightsBecomesAnInitializerAndTheOldWeightsGo()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3)
            .Initializer("w", new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3)
            .Node("Transpose", ["w"], ["wt"])
            .Node("MatMul", ["x", "wt"], ["y"])
            .Output("y");

        var (optimized, records) = PassTesting.Optimize(builder, [new FoldConstants()]);
        PassTesting.AssertSameOutputs(PassTesting.Import(builder.ToBytes()), optimized, builder.Feeds, 1e-6, 1e-7);

        var graph = optimized.Graph;
        Assert.AreEqual("MatMul", graph.Nodes.Single().OpType);
        CollectionAssert.AreEqual(new[] { 1f, 4f, 2f, 5f, 3f, 6f }, graph.FindLocal("wt")!.Initializer!.Span<float>().ToArray());
        CollectionAssert.AreEqual(new[] { "wt" }, graph.Initializers.Select(v => v.Name).ToArray());
        Assert.AreEqual(1, records[0].Result.NodesRemoved);
        Assert.AreEqual(0, records[0].Result.BytesSaved, "A transposed copy replaces the weights: the same bytes.");
    }

    [TestMethod]
    public void ConstantNodesBecomeInitializers()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 3)
            .Node("Constant", [], ["c"], ("value", Tensor.FromArray(new float[] { 1, 2, 3 }, 3)))
            .Node("Add", ["x", "c"], ["y"])
            .Output("y");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new FoldConstants()]);

        Assert.AreEqual("Add", optimized.Graph.Nodes.Single().OpType);
        Assert.IsNotNull(optimized.Graph.FindLocal("c")!.Initializer);
    }

    [TestMethod]
    public void AGraphOutputComputedFromConstantsKeepsItsName()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 5)
            .Node("Shape", ["x"], ["s"])
            .Node("Relu", ["x"], ["r"])
            .Output("s", DataType.Int64)
            .Output("r");

        var optimized = PassTesting.AssertEquivalentAfter(builder, [new FoldConstants()]);

        Assert.AreEqual("s", optimized.Graph.Outputs[0].Name);
        CollectionAssert.AreEqual(new long[] { 2, 5 }, optimized.Graph.Outputs[0].Initializer!.ToInt64Array());
    }

    [TestMethod]
    public void DataMuchLargerThanItsInputsStaysCode()
    {
        // 1 KiB of weights tiled into 2 MiB: folding it would grow the library for nothing (the rule exporters follow).
        var builder = new ModelBuilder(opset: 13)
            .Input("x", 2048, 256)
            .RandomInitializer("w", 1f, 1, 256)
            .Initializer("repeats", new long[] { 2048, 1 }, 2)
            .Node("Tile", ["w", "repeats"], ["tiled"])
            .Node("Add", ["x", "tiled"], ["y"])
            .Output("y");

        var (optimized, records) = PassTesting.Optimize(builder, [new FoldConstants()]);

        Assert.AreEqual(1, PassTesting.Count(optimized.Graph, "Tile"));
        Assert.IsFalse(records[0].Result.Changed);
    }

    [TestMethod]
    public void WithoutAnEvaluatorOnlyWhatInferenceKnowsIsFolded()
    {
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3)
            .Initializer("w", new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3)
            .Node("Shape", ["x"], ["s"])
            .Node("Reshape", ["w", "s"], ["w2"])
            .Node("Neg", ["w2"], ["wn"])
            .Node("Add", ["x", "wn"], ["y"])
            .Output("y");

        var (optimized, _) = PassTesting.Optimize(builder, [new FoldConstants()], new PassContext(PassTesting.FileName));

        // Inference knows the shape and forwards known data through Reshape; Neg needs a kernel.
        CollectionAssert.AreEqual(new[] { "Neg", "Add" }, optimized.Graph.Nodes.Select(n => n.OpType).ToArray());
    }
}
