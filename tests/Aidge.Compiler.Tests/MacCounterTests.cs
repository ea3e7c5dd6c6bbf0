using Aidge.Compiler.Inspection;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

[TestClass]
public sealed class MacCounterTests
{
    [TestMethod]
    public void GroupedStridedConvCountsOneGroupsChannelsPerOutput()
    {
        // Output [1,6,4,4]; each output sums 2 input channels (4 / group 2) over a 3x3 window.
        var graph = Load(new ModelBuilder()
            .Input("x", 1, 4, 8, 8)
            .RandomInitializer("w", 1f, 6, 2, 3, 3)
            .Node("Conv", ["x", "w"], ["y"], ("group", 2), ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }))
            .Output("y"));
        Assert.AreEqual(96L * 2 * 9, MacCounter.Total(graph));
    }

    [TestMethod]
    public void ConvTransposeCountsEveryInputElementTimesItsKernelFanOut()
    {
        var graph = Load(new ModelBuilder()
            .Input("x", 1, 2, 3, 3)
            .RandomInitializer("w", 1f, 2, 3, 2, 2)
            .Node("ConvTranspose", ["x", "w"], ["y"])
            .Output("y"));
        Assert.AreEqual(18L * 3 * 4, MacCounter.Total(graph));
    }

    [TestMethod]
    public void GemmWithTransposedAUsesItsFirstDimAsTheInnerDim()
    {
        var graph = Load(new ModelBuilder()
            .Input("a", 5, 3)
            .RandomInitializer("b", 1f, 5, 4)
            .RandomInitializer("c", 1f, 4)
            .Node("Gemm", ["a", "b", "c"], ["y"], ("transA", 1))
            .Output("y"));
        Assert.AreEqual(3L * 4 * 5, MacCounter.Total(graph));
    }

    [TestMethod]
    public void BatchedMatMulCountsEveryBatch()
    {
        var graph = Load(new ModelBuilder()
            .Input("a", 2, 3, 4, 5)
            .RandomInitializer("b", 1f, 5, 6)
            .Node("MatMul", ["a", "b"], ["y"])
            .Output("y"));
        Assert.AreEqual(2L * 3 * 4 * 6 * 5, MacCounter.Total(graph));
    }

    [TestMethod]
    public void SymbolicBatchIsUnknownUntilBound()
    {
        var graph = SymbolicMatMul();
        Assert.IsNull(MacCounter.Total(graph));

        var bindings = DimBindings.TryParse(["N=2", "unused=3"], out string? error);
        Assert.IsNull(error);
        CollectionAssert.AreEqual(new[] { "unused" }, bindings!.ApplyTo(graph).ToArray());
        new ShapeInference().Run(graph);
        Assert.AreEqual(2L * 3 * 4, MacCounter.Total(graph));
    }

    [TestMethod]
    [DataRow("N")]
    [DataRow("=2")]
    [DataRow("N=-1")]
    [DataRow("N=x")]
    public void MalformedBindingsAreRejected(string pair) =>
        Assert.IsNull(DimBindings.TryParse([pair], out _));

    private static Graph SymbolicMatMul()
    {
        var graph = new Graph();
        graph.SetOpsets([new(string.Empty, 17)]);
        var a = graph.AddValue(new Value("a", new TensorType(DataType.Float, new Shape([Dim.Named("N"), Dim.Of(4)]))));
        graph.Inputs.Add(a);
        var b = graph.AddInitializer("b", Tensor.Create(DataType.Float, [4, 3]));
        var y = graph.AddValue(new Value("y"));
        graph.AddNode("MatMul", [a, b], [y]);
        graph.Outputs.Add(y);
        new ShapeInference().Run(graph);
        return graph;
    }

    private static Graph Load(ModelBuilder builder)
    {
        using var stream = new MemoryStream(builder.ToBytes());
        return ModelReader.Load(stream).Graph;
    }
}
