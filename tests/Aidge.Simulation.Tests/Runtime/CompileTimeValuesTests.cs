using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Simulation.Runtime;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Runtime;

/// <summary>What compile-time evaluation knows once the input dims are static, and what it leaves to run time.</summary>
[TestClass]
public sealed class CompileTimeValuesTests
{
    private static (Graph Graph, CompileTimeValues Known) Evaluate(ModelBuilder builder)
    {
        var model = ModelReader.Load(new MemoryStream(builder.ToBytes()), options: ModelReaderOptions.Default with { InferShapes = false });
        var inference = ShapeInference.InferModel(model);
        return (model.Graph, CompileTimeValues.Evaluate(model.Graph, inference));
    }

    [TestMethod]
    public void ShapeChainsAndGeneratorsOfKnownShapesAreKnown()
    {
        // A PyTorch flatten; a ConstantOfShape of the input's shape; a float Range from constants.
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3, 4);
        string flat = builder.ShapeFlatten("x");
        builder
            .Initializer("start", Tensor.Scalar(1f))
            .Initializer("limit", Tensor.Scalar(2f))
            .Initializer("delta", Tensor.Scalar(0.25f))
            .Node("Shape", ["x"], ["shape"])
            .Node("ConstantOfShape", ["shape"], ["zeros"], ("value", Tensor.FromArray(new float[] { 0.5f }, 1)))
            .Node("Range", ["start", "limit", "delta"], ["steps"])
            .Output(flat)
            .Output("zeros")
            .Output("steps");
        var (graph, known) = Evaluate(builder);

        var reshape = graph.Nodes.Single(n => n.OpType == "Reshape");
        CollectionAssert.AreEqual(new long[] { 2, -1 }, known.Of(reshape.Input(1)!)!.ToInt64Array());
        Assert.IsNull(known.Of(reshape.Output(0)!), "Reshape of a run-time input is run-time data.");
        var zeros = known.Of(graph.FindLocal("zeros")!)!;
        CollectionAssert.AreEqual(new long[] { 2, 3, 4 }, zeros.Dims);
        Assert.IsTrue(zeros.Span<float>().ToArray().All(v => v == 0.5f));
        CollectionAssert.AreEqual(new[] { 1f, 1.25f, 1.5f, 1.75f }, known.Of(graph.FindLocal("steps")!)!.Span<float>().ToArray());
    }

    [TestMethod]
    public void LargeGeneratedDataStaysRunTimeWork()
    {
        // 2 MiB of zeros from an 8-byte shape: folding it would grow the library for nothing.
        var builder = new ModelBuilder(opset: 13)
            .Initializer("shape", new long[] { 512, 1024 }, 2)
            .Input("x", 512, 1024)
            .Node("ConstantOfShape", ["shape"], ["zeros"], ("value", Tensor.FromArray(new float[] { 0f }, 1)))
            .Node("Add", ["x", "zeros"], ["y"])
            .Output("y");
        var (graph, known) = Evaluate(builder);

        Assert.IsNull(known.Of(graph.FindLocal("zeros")!));
        Assert.IsNotNull(known.Of(graph.FindLocal("shape")!), "Initializers are always known.");
    }

    [TestMethod]
    public void ArithmeticOnWeightsIsFoldedWithTheSimulatorKernels()
    {
        var builder = new ModelBuilder(opset: 13)
            .Input("x", 2, 2)
            .Initializer("w", new float[] { 1, 2, 3, 4 }, 2, 2)
            .Node("Transpose", ["w"], ["wt"])
            .Node("MatMul", ["x", "wt"], ["y"])
            .Output("y");
        var (graph, known) = Evaluate(builder);

        CollectionAssert.AreEqual(new[] { 1f, 3f, 2f, 4f }, known.Of(graph.FindLocal("wt")!)!.Span<float>().ToArray());
        Assert.IsNull(known.Of(graph.FindLocal("y")!));
    }
}
