using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Tests;

[TestClass]
public sealed class GraphTests
{
    [TestMethod]
    public void SortTopologicallyOrdersProducersFirstAndKeepsFileOrderOtherwise()
    {
        var graph = new Graph();
        var x = graph.GetOrAddValue("x");
        graph.Inputs.Add(x);
        var a = graph.GetOrAddValue("a");
        var b = graph.GetOrAddValue("b");
        var second = graph.AddNode("Relu", new[] { a }, new[] { b }, "second");
        var first = graph.AddNode("Relu", new[] { x }, new[] { a }, "first");
        graph.Outputs.Add(b);

        graph.SortTopologically();

        CollectionAssert.AreEqual(new[] { first, second }, graph.Nodes.ToArray());
        GraphChecker.Check(graph);
    }

    [TestMethod]
    public void CycleIsReportedWithTheNode()
    {
        var graph = new Graph();
        var a = graph.GetOrAddValue("a");
        var b = graph.GetOrAddValue("b");
        graph.AddNode("Relu", new[] { a }, new[] { b }, "n1");
        graph.AddNode("Relu", new[] { b }, new[] { a }, "n2");

        var error = Assert.ThrowsExactly<AidgeException>(graph.SortTopologically);
        Assert.AreEqual(DiagnosticCodes.GraphCycle, error.Diagnostic.Code);
        Assert.IsNotNull(error.Diagnostic.Node);
    }

    [TestMethod]
    public void UndefinedInputIsReported()
    {
        var graph = new Graph();
        var ghost = graph.GetOrAddValue("ghost");
        var y = graph.GetOrAddValue("y");
        graph.AddNode("Relu", new[] { ghost }, new[] { y }, "uses_ghost");
        graph.Outputs.Add(y);

        var error = Assert.ThrowsExactly<AidgeException>(() => GraphChecker.Check(graph, "m.onnx"));
        Assert.AreEqual(DiagnosticCodes.UndefinedValue, error.Diagnostic.Code);
        Assert.AreEqual("uses_ghost", error.Diagnostic.Node);
        Assert.AreEqual("m.onnx", error.Diagnostic.File);
    }

    [TestMethod]
    public void SubgraphsMayReadOuterValues()
    {
        var graph = new Graph();
        var x = graph.GetOrAddValue("x");
        graph.Inputs.Add(x);
        var body = new Graph("body", graph);
        var inner = body.GetOrAddValue("inner");
        body.AddNode("Relu", new[] { x }, new[] { inner });
        body.Outputs.Add(inner);
        var y = graph.GetOrAddValue("y");
        var cond = graph.AddInitializer("cond", Tensor.FromSpan<byte>(DataType.Bool, Array.Empty<long>(), new byte[] { 1 }));
        var node = graph.AddNode("If", new[] { cond }, new[] { y });
        node.SetAttribute(NodeAttribute.Of("then_branch", body));
        node.SetAttribute(NodeAttribute.Of("else_branch", body));
        graph.Outputs.Add(y);

        GraphChecker.Check(graph);
        CollectionAssert.AreEqual(new[] { "x" }, body.OuterScopeReferences().ToArray());
    }
}
