using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Tests.ControlFlow;

/// <summary>
/// If, Loop, Scan and SequenceMap on bodies that only pass values through or use sequence operators, so that
/// they run without the other operator families: outer-scope reads, carried sequences, scan axes and
/// directions, Scan-8 batches with sequence_lens, and what inference says about each.
/// </summary>
[TestClass]
public sealed class SubgraphTests
{
    [TestMethod]
    public void IfReturnsTheTakenBranchAndInfersTheUnionOfBoth()
    {
        var graph = NewGraph(16);
        var cond = Input(graph, "cond", DataType.Bool);
        var a = graph.AddInitializer("a", Tensor.FromArray(new[] { 1f, 2f }, 2));
        var b = graph.AddInitializer("b", Tensor.FromArray(new[] { 3f, 4f, 5f }, 3));
        var thenBranch = new Graph("then", graph);
        thenBranch.Outputs.Add(a);
        var elseBranch = new Graph("else", graph);
        elseBranch.Outputs.Add(b);
        var result = graph.GetOrAddValue("result");
        var node = graph.AddNode("If", new[] { cond }, new[] { result });
        node.SetAttribute(NodeAttribute.Of("then_branch", thenBranch));
        node.SetAttribute(NodeAttribute.Of("else_branch", elseBranch));
        graph.Outputs.Add(result);
        new ShapeInference().Run(graph);

        Assert.AreEqual("float[?]", result.Type!.ToString());
        CollectionAssert.AreEqual(new[] { 1f, 2f }, Floats(Run(graph, Bool(true))[0]));
        CollectionAssert.AreEqual(new[] { 3f, 4f, 5f }, Floats(Run(graph, Bool(false))[0]));
    }

    [TestMethod]
    public void LoopCarriesASequenceAndStacksScanOutputs()
    {
        var (graph, sequence, iterations) = CountingLoop(tripCount: 3);
        new ShapeInference().Run(graph);
        Assert.AreEqual("int64[3]", iterations.Type!.ToString());

        var results = Run(graph);
        var carried = (TensorSequence)results[0]!;
        Assert.HasCount(3, carried);
        CollectionAssert.AreEqual(new[] { 7f, 8f }, Floats(carried[2]));
        CollectionAssert.AreEqual(new long[] { 0, 1, 2 }, ((Tensor)results[1]!).ToInt64Array());
    }

    [TestMethod]
    public void LoopWithoutIterationsGivesEmptyScanOutputs()
    {
        var (graph, _, iterations) = CountingLoop(tripCount: 0);
        new ShapeInference().Run(graph);
        var results = Run(graph);
        Assert.IsEmpty((TensorSequence)results[0]!);
        CollectionAssert.AreEqual(new long[] { 0 }, ((Tensor)results[1]!).Dims);
        Assert.AreEqual("int64[0]", iterations.Type!.ToString());
    }

    [TestMethod]
    public void ScanReadsBackwardsAndStacksAlongTheOutputAxis()
    {
        var graph = NewGraph(11);
        var initial = graph.AddInitializer("s0", Tensor.FromArray(new[] { 0f, 0f }, 2));
        var x = graph.AddInitializer("x", Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 3, 2));
        var body = Body(graph, new[] { "state_in", "row" }, "row", "state_in");
        var final = graph.GetOrAddValue("final");
        var history = graph.GetOrAddValue("history");
        var node = graph.AddNode("Scan", new[] { initial, x }, new[] { final, history });
        node.SetAttribute(NodeAttribute.Of("body", body));
        node.SetAttribute(NodeAttribute.Of("num_scan_inputs", 1L));
        node.SetAttribute(NodeAttribute.Of("scan_input_directions", new long[] { 1 }));
        node.SetAttribute(NodeAttribute.Of("scan_output_axes", new long[] { -1 }));
        graph.Outputs.Add(final);
        graph.Outputs.Add(history);
        new ShapeInference().Run(graph);
        Assert.AreEqual("float[2]", final.Type!.ToString());
        Assert.AreEqual("float[2,3]", history.Type!.ToString());

        var results = Run(graph);
        CollectionAssert.AreEqual(new[] { 1f, 2f }, Floats(results[0]));
        // The states seen before each iteration: s0, then rows 2 and 1; one per column.
        CollectionAssert.AreEqual(new[] { 0f, 5f, 3f, 0f, 6f, 4f }, Floats(results[1]));
    }

    [TestMethod]
    public void BatchedScanStopsEachEntryAtItsLengthAndPads()
    {
        var graph = NewGraph(8);
        var lengths = graph.AddInitializer("lengths", Tensor.FromArray(new[] { 3, 1 }, 2));
        var initial = graph.AddInitializer("s0", Tensor.FromArray(new[] { 0f, 0f }, 2, 1));
        var x = graph.AddInitializer("x", Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3, 1));
        var body = Body(graph, new[] { "state_in", "element" }, "element", "element");
        var final = graph.GetOrAddValue("final");
        var seen = graph.GetOrAddValue("seen");
        var node = graph.AddNode("Scan", new[] { lengths, initial, x }, new[] { final, seen });
        node.SetAttribute(NodeAttribute.Of("body", body));
        node.SetAttribute(NodeAttribute.Of("num_scan_inputs", 1L));
        node.SetAttribute(NodeAttribute.Of("directions", new long[] { 1 }));
        graph.Outputs.Add(final);
        graph.Outputs.Add(seen);
        new ShapeInference().Run(graph);
        Assert.AreEqual("float[2,3,1]", seen.Type!.ToString());

        var results = Run(graph);
        CollectionAssert.AreEqual(new[] { 1f, 4f }, Floats(results[0]));
        CollectionAssert.AreEqual(new[] { 3f, 2f, 1f, 4f, 0f, 0f }, Floats(results[1]));
    }

    [TestMethod]
    public void SequenceMapFeedsSequencesByPositionAndTensorsWhole()
    {
        var graph = NewGraph(17);
        var a = graph.AddInitializer("a", Tensor.FromArray(new[] { 1f }, 1));
        var b = graph.AddInitializer("b", Tensor.FromArray(new[] { 2f, 3f }, 2));
        var extra = graph.AddInitializer("extra", Tensor.FromArray(new[] { 9f }, 1));
        var sequence = graph.GetOrAddValue("sequence");
        graph.AddNode("SequenceConstruct", new[] { a, b }, new[] { sequence });
        var body = Body(graph, new[] { "item", "whole" }, "item", "whole");
        var same = graph.GetOrAddValue("same");
        var repeated = graph.GetOrAddValue("repeated");
        var node = graph.AddNode("SequenceMap", new[] { sequence, extra }, new[] { same, repeated });
        node.SetAttribute(NodeAttribute.Of("body", body));
        graph.Outputs.Add(same);
        graph.Outputs.Add(repeated);
        new ShapeInference().Run(graph);
        Assert.AreEqual("seq(float[?])", same.Type!.ToString());
        Assert.AreEqual("seq(float[1])", repeated.Type!.ToString());

        var results = Run(graph);
        CollectionAssert.AreEqual(new[] { 2f, 3f }, Floats(((TensorSequence)results[0]!)[1]));
        Assert.HasCount(2, (TensorSequence)results[1]!);
        CollectionAssert.AreEqual(new[] { 9f }, Floats(((TensorSequence)results[1]!)[1]));
    }

    /// <summary>A Loop of tripCount iterations inserting an outer tensor into a carried sequence and scanning the iteration number.</summary>
    private static (Graph Graph, Value Sequence, Value Iterations) CountingLoop(long tripCount)
    {
        var graph = NewGraph(13);
        var m = graph.AddInitializer("M", Tensor.Scalar(tripCount));
        var cond = graph.AddInitializer("cond", Bool(true));
        var x = graph.AddInitializer("x", Tensor.FromArray(new[] { 7f, 8f }, 2));
        var empty = graph.GetOrAddValue("empty");
        graph.AddNode("SequenceEmpty", Array.Empty<Value?>(), new[] { empty });
        var body = Body(graph, new[] { "iteration", "cond_in", "sequence_in" }, "cond_in", "sequence_out", "iteration");
        body.AddNode("SequenceInsert", new[] { body.FindLocal("sequence_in"), x }, new[] { body.FindLocal("sequence_out") });
        var sequence = graph.GetOrAddValue("sequence");
        var iterations = graph.GetOrAddValue("iterations");
        var node = graph.AddNode("Loop", new[] { m, cond, empty }, new[] { sequence, iterations });
        node.SetAttribute(NodeAttribute.Of("body", body));
        graph.Outputs.Add(sequence);
        graph.Outputs.Add(iterations);
        return (graph, sequence, iterations);
    }

    /// <summary>A body graph with untyped inputs whose outputs name its inputs or values its nodes will produce.</summary>
    private static Graph Body(Graph parent, string[] inputs, params string[] outputs)
    {
        var body = new Graph("body", parent);
        body.Inputs.AddRange(inputs.Select(body.GetOrAddValue));
        body.Outputs.AddRange(outputs.Select(body.GetOrAddValue));
        return body;
    }

    private static Graph NewGraph(long opset)
    {
        var graph = new Graph();
        graph.SetOpsets(new Dictionary<string, long> { [""] = opset });
        return graph;
    }

    private static Value Input(Graph graph, string name, DataType type)
    {
        var value = graph.GetOrAddValue(name);
        value.Type = new TensorType(type, Shape.Scalar);
        graph.Inputs.Add(value);
        return value;
    }

    private static IReadOnlyList<object?> Run(Graph graph, params object?[] inputs) => new Interpreter(graph).Run(inputs);

    private static Tensor Bool(bool value) => Tensor.FromSpan<byte>(DataType.Bool, Array.Empty<long>(), new[] { value ? (byte)1 : (byte)0 });

    private static float[] Floats(object? value) => ((Tensor)value!).Span<float>().ToArray();
}
