using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;

namespace Aidge.Core.Tests.Elementwise;

[TestClass]
public sealed class ElementwiseInferenceTests
{
    [TestMethod]
    public void BinaryOperatorsBroadcastAndComparisonsGiveBool()
    {
        var graph = NewGraph(13);
        var a = Input(graph, "a", DataType.Int32, new Shape([Dim.Named("batch"), 1, 4]));
        var b = Input(graph, "b", DataType.Int32, new Shape(3, 1));
        var sum = graph.GetOrAddValue("sum");
        var less = graph.GetOrAddValue("less");
        graph.AddNode("Add", [a, b], [sum]);
        graph.AddNode("Less", [a, b], [less]);

        new ShapeInference().Run(graph);

        Assert.AreEqual(new TensorType(DataType.Int32, new Shape([Dim.Named("batch"), 3, 4])), sum.Type);
        Assert.AreEqual(new TensorType(DataType.Bool, new Shape([Dim.Named("batch"), 3, 4])), less.Type);
    }

    [TestMethod]
    public void LegacyBroadcastKeepsTheFirstInputsShape()
    {
        var graph = NewGraph(6);
        var a = Input(graph, "a", DataType.Float, new Shape(2, 3));
        var b = Input(graph, "b", DataType.Float, new Shape(2));
        var sum = graph.GetOrAddValue("sum");
        var node = graph.AddNode("Add", [a, b], [sum]);
        node.SetAttribute(NodeAttribute.Of("broadcast", 1L));
        node.SetAttribute(NodeAttribute.Of("axis", 0L));

        new ShapeInference().Run(graph);

        Assert.AreEqual(new TensorType(DataType.Float, new Shape(2, 3)), sum.Type);
    }

    [TestMethod]
    public void CastTakesItsTargetFromTheAttributeOrTheLikeInput()
    {
        var graph = NewGraph(1);
        var x = Input(graph, "x", DataType.Float, new Shape(5));
        var named = graph.GetOrAddValue("named");
        graph.AddNode("Cast", [x], [named]).SetAttribute(NodeAttribute.Of("to", "INT64"));

        new ShapeInference().Run(graph);

        Assert.AreEqual(new TensorType(DataType.Int64, new Shape(5)), named.Type);
    }

    [TestMethod]
    public void ShapeArithmeticFoldsIntoAStaticReshape()
    {
        // Reshape(x, Where(Equal(dims, -1), [2, 3], dims * 1)): every step is a small constant integer vector.
        var graph = NewGraph(13);
        var x = Input(graph, "x", DataType.Float, new Shape(6));
        var dims = graph.AddInitializer("dims", Tensor.FromArray(new long[] { -1, 3 }, 2));
        var one = graph.AddInitializer("one", Tensor.Scalar(1L));
        var fallback = graph.AddInitializer("fallback", Tensor.FromArray(new long[] { 2, 3 }, 2));
        var minusOne = graph.AddInitializer("minus_one", Tensor.Scalar(-1L));
        var scaled = graph.GetOrAddValue("scaled");
        var unknown = graph.GetOrAddValue("unknown");
        var target = graph.GetOrAddValue("target");
        var y = graph.GetOrAddValue("y");
        graph.AddNode("Mul", [dims, one], [scaled]);
        graph.AddNode("Equal", [scaled, minusOne], [unknown]);
        graph.AddNode("Where", [unknown, fallback, scaled], [target]);
        graph.AddNode("Reshape", [x, target], [y]);

        new ShapeInference().Run(graph);

        Assert.AreEqual(new Shape(2, 3), y.Shape);
    }

    private static Graph NewGraph(int opset)
    {
        var graph = new Graph();
        graph.SetOpsets([new KeyValuePair<string, long>("", opset)]);
        return graph;
    }

    private static Value Input(Graph graph, string name, DataType type, Shape shape)
    {
        var value = graph.GetOrAddValue(name);
        value.Type = new TensorType(type, shape);
        graph.Inputs.Add(value);
        return value;
    }
}
