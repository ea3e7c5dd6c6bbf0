using Aidge.Core.Graphs;
using Aidge.Onnx;
using Aidge.Simulation.Cost;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Cost;

/// <summary>Per-node workloads of a small classifier: classes, MACs, operations, parameters, bytes, matrix shapes.</summary>
[TestClass]
public sealed class WorkloadAnalysisTests
{
    internal static Graph Classifier()
    {
        var builder = new ModelBuilder(opset: 13)
            .Input("image", 1, 2, 8, 8)
            .RandomInitializer("w", 0.5f, 8, 2, 3, 3)
            .RandomInitializer("b", 0.1f, 8)
            .RandomInitializer("fc", 0.2f, 10, 128)
            .Node("Conv", ["image", "w", "b"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Relu", ["c"], ["r"])
            .Node("MaxPool", ["r"], ["p"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("Flatten", ["p"], ["f"])
            .Node("Gemm", ["f", "fc"], ["logits"], ("transB", 1L))
            .Output("logits");
        return ModelReader.Load(new MemoryStream(builder.ToBytes())).Graph;
    }

    [TestMethod]
    public void ClassifierNodesHaveTheirClassesAndCounts()
    {
        var graph = Classifier();
        var work = WorkloadAnalysis.Of(graph);
        CollectionAssert.AreEqual(
            new[] { OpClass.MatrixProduct, OpClass.Elementwise, OpClass.Window, OpClass.DataMovement, OpClass.MatrixVector },
            work.Select(w => w.Class).ToArray());
        var conv = work[0];
        Assert.AreEqual(MacCounter.Of(graph.Nodes[0]), conv.Macs);
        Assert.AreEqual(8 * 64 * 18, conv.Macs);
        Assert.AreEqual((8, 18), (conv.Rows, conv.Reduction));
        Assert.AreEqual(8 * 18 + 8, conv.Parameters);
        Assert.AreEqual((2 * 64 + 8 * 18 + 8) * 4, conv.BytesRead);
        Assert.AreEqual(8 * 64 * 4, conv.BytesWritten);
        Assert.AreEqual(8 * 64 * 4, conv.ActivationBytes);
        Assert.AreEqual(8 * 64, work[1].Operations);
        // Every output of the 2x2 pool reads its window.
        Assert.AreEqual(8 * 16 * 4, work[2].Operations);
        Assert.AreEqual(0, work[3].Operations);
        var gemm = work[4];
        Assert.AreEqual(10 * 128, gemm.Macs);
        Assert.AreEqual((1, 128), (gemm.Rows, gemm.Reduction));
        Assert.IsTrue(work.All(w => w.Known && !w.Integer));
        Assert.AreEqual(conv.Macs, conv.Work);
    }

    [TestMethod]
    public void NodesWithConstantOutputsDoNoWork()
    {
        var builder = new ModelBuilder(opset: 13)
            .Input("x", 2, 3)
            .Node("Shape", ["x"], ["s"])
            .Node("Reshape", ["x", "s"], ["y"])
            .Output("y");
        var graph = ModelReader.Load(new MemoryStream(builder.ToBytes())).Graph;
        var shape = graph.Nodes[0].Output(0)!;
        var work = WorkloadAnalysis.Of(graph, v => v.Initializer is not null || v == shape);
        Assert.AreEqual(1, work.Count);
        Assert.AreEqual("Reshape", work[0].OpType);
    }
}
