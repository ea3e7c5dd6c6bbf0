using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Tests.Runtime;

[TestClass]
public sealed class InterpreterTests
{
    /// <summary>y = Relu(x + b), with x a float[2,3] input and b a float[3] initializer, opset 17.</summary>
    private static Graph AddRelu()
    {
        var graph = new Graph();
        graph.SetOpsets(new[] { KeyValuePair.Create(string.Empty, 17L) });
        var x = graph.GetOrAddValue("x");
        x.Type = new TensorType(DataType.Float, new Shape(2, 3));
        graph.Inputs.Add(x);
        var b = graph.AddInitializer("b", Tensor.FromArray(new float[] { 1, -10, 0.5f }, 3));
        var sum = graph.GetOrAddValue("sum");
        var y = graph.GetOrAddValue("y");
        graph.AddNode("Add", new[] { x, b }, new[] { sum }, "add");
        graph.AddNode("Relu", new[] { sum }, new[] { y }, "relu");
        graph.Outputs.Add(y);
        new ShapeInference().Run(graph);
        return graph;
    }

    [TestMethod]
    public void RunsTheGraphAndInfersShapes()
    {
        var graph = AddRelu();
        Assert.AreEqual(new TensorType(DataType.Float, new Shape(2, 3)), graph.FindLocal("y")!.Type);

        var x = Tensor.FromArray(new float[] { 1, 2, 3, -4, 5, -6 }, 2, 3);
        var y = (Tensor)new Interpreter(graph).Run(new object?[] { x })[0]!;

        CollectionAssert.AreEqual(new long[] { 2, 3 }, y.Dims);
        CollectionAssert.AreEqual(new float[] { 2, 0, 3.5f, 0, 0, 0 }, y.Span<float>().ToArray());
    }

    [TestMethod]
    public void KeepsIntermediatesOnRequestOnly()
    {
        var graph = AddRelu();
        var inputs = new Dictionary<string, object?> { ["x"] = Tensor.FromArray(new float[6], 2, 3) };

        var all = new Interpreter(graph).Run(inputs, keepIntermediates: true);
        var outputsOnly = new Interpreter(graph).Run(inputs);

        Assert.IsTrue(all.ContainsKey("sum"));
        Assert.IsFalse(outputsOnly.ContainsKey("sum"));
        Assert.IsTrue(outputsOnly.ContainsKey("y"));
    }

    [TestMethod]
    public void WrongInputShapeOrTypeIsReportedWithTheInputName()
    {
        var interpreter = new Interpreter(AddRelu(), file: "m.onnx");

        var shape = Assert.ThrowsExactly<AidgeException>(() => interpreter.Run(new object?[] { Tensor.FromArray(new float[4], 2, 2) }));
        Assert.AreEqual(DiagnosticCodes.InputMismatch, shape.Diagnostic.Code);
        StringAssert.Contains(shape.Diagnostic.Message, "'x'");
        Assert.AreEqual("m.onnx", shape.Diagnostic.File);

        var type = Assert.ThrowsExactly<AidgeException>(() => interpreter.Run(new object?[] { Tensor.FromArray(new long[6], 2, 3) }));
        Assert.AreEqual(DiagnosticCodes.InputMismatch, type.Diagnostic.Code);

        var count = Assert.ThrowsExactly<AidgeException>(() => interpreter.Run(Array.Empty<object?>()));
        Assert.AreEqual(DiagnosticCodes.InputMismatch, count.Diagnostic.Code);
    }

    [TestMethod]
    public void MissingKernelIsReportedNotCrashed()
    {
        var graph = new Graph();
        graph.SetOpsets(new[] { KeyValuePair.Create(string.Empty, 17L) });
        var x = graph.GetOrAddValue("x");
        graph.Inputs.Add(x);
        var y = graph.GetOrAddValue("y");
        graph.AddNode("NoSuchOp", new[] { x }, new[] { y }, "mystery");
        graph.Outputs.Add(y);
        var interpreter = new Interpreter(graph, file: "m.onnx");

        Assert.AreEqual("mystery", interpreter.MissingKernels().Single().Name);
        var error = Assert.ThrowsExactly<AidgeException>(() => interpreter.Run(new object?[] { Tensor.Scalar(1f) }));
        Assert.AreEqual(DiagnosticCodes.NoKernel, error.Diagnostic.Code);
        Assert.AreEqual("mystery", error.Diagnostic.Node);
    }

    [TestMethod]
    public void KernelErrorsNameTheNode()
    {
        var graph = new Graph();
        graph.SetOpsets(new[] { KeyValuePair.Create(string.Empty, 17L) });
        var a = graph.GetOrAddValue("a");
        var b = graph.GetOrAddValue("b");
        graph.Inputs.Add(a);
        graph.Inputs.Add(b);
        var y = graph.GetOrAddValue("y");
        graph.AddNode("Add", new[] { a, b }, new[] { y }, "bad_add");
        graph.Outputs.Add(y);

        // Shapes that cannot broadcast are only discovered at run time here (the inputs are untyped).
        var error = Assert.ThrowsExactly<AidgeException>(() =>
            new Interpreter(graph).Run(new object?[] { Tensor.FromArray(new float[2], 2), Tensor.FromArray(new float[3], 3) }));
        Assert.AreEqual(DiagnosticCodes.KernelFailed, error.Diagnostic.Code);
        Assert.AreEqual("bad_add", error.Diagnostic.Node);
    }

    [TestMethod]
    public void HalfPrecisionIsComputedInFloatAndNarrowedBack()
    {
        var graph = new Graph();
        graph.SetOpsets(new[] { KeyValuePair.Create(string.Empty, 17L) });
        var x = graph.GetOrAddValue("x");
        x.Type = new TensorType(DataType.Float16, new Shape(3));
        graph.Inputs.Add(x);
        var y = graph.GetOrAddValue("y");
        graph.AddNode("Relu", new[] { x }, new[] { y });
        graph.Outputs.Add(y);
        new ShapeInference().Run(graph);

        var input = Tensor.FromSpan<Half>(DataType.Float16, new long[] { 3 }, new[] { (Half)(-1), (Half)0.5, (Half)2 });
        var y16 = (Tensor)new Interpreter(graph).Run(new object?[] { input })[0]!;

        Assert.AreEqual(DataType.Float16, y16.Type);
        CollectionAssert.AreEqual(new[] { (Half)0, (Half)0.5, (Half)2 }, y16.Span<Half>().ToArray());
    }

    [TestMethod]
    public void ALoopThatNeverEndsIsStoppedByTheCancellationToken()
    {
        // Loop with neither a trip count nor a condition input: the body keeps returning true forever.
        var graph = new Graph();
        graph.SetOpsets(new[] { KeyValuePair.Create(string.Empty, 17L) });
        var body = new Graph("body", graph);
        var iteration = body.GetOrAddValue("i");
        iteration.Type = new TensorType(DataType.Int64, Shape.Scalar);
        var condIn = body.GetOrAddValue("cond_in");
        condIn.Type = new TensorType(DataType.Bool, Shape.Scalar);
        var carriedIn = body.GetOrAddValue("v_in");
        carriedIn.Type = new TensorType(DataType.Float, Shape.Scalar);
        body.Inputs.Add(iteration);
        body.Inputs.Add(condIn);
        body.Inputs.Add(carriedIn);
        var condOut = body.GetOrAddValue("cond_out");
        var carriedOut = body.GetOrAddValue("v_out");
        body.AddNode("Identity", new[] { condIn }, new[] { condOut });
        body.AddNode("Identity", new[] { carriedIn }, new[] { carriedOut });
        body.Outputs.Add(condOut);
        body.Outputs.Add(carriedOut);
        var v = graph.GetOrAddValue("v");
        v.Type = new TensorType(DataType.Float, Shape.Scalar);
        graph.Inputs.Add(v);
        var result = graph.GetOrAddValue("result");
        var loop = graph.AddNode("Loop", new Value?[] { null, null, v }, new[] { result }, "forever");
        loop.SetAttribute(NodeAttribute.Of("body", body));
        graph.Outputs.Add(result);
        new ShapeInference().Run(graph);

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var error = Assert.ThrowsExactly<AidgeException>(() => new Interpreter(graph, cancellation: cancellation.Token).Run(new object?[] { Tensor.Scalar(1f) }));
        Assert.AreEqual(DiagnosticCodes.SimulationCancelled, error.Diagnostic.Code);
    }
}
