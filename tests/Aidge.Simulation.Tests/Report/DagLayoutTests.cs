using Aidge.Simulation.Report;

namespace Aidge.Simulation.Tests.Report;

/// <summary>The layered layout: longest-path layers, bend points on long edges, ordering without needless crossings, no overlaps.</summary>
[TestClass]
public sealed class DagLayoutTests
{
    private static GraphSnapshot Snapshot(int nodes, params (int From, int To)[] edges) => new(
        Enumerable.Range(0, nodes).Select(i => new GraphNode(i, "op", "Op", $"n{i}", "")).ToList(),
        edges.Select(e => new GraphEdge(e.From, e.To, $"t{e.From}_{e.To}")).ToList());

    private static DagDrawing Layout(GraphSnapshot graph) => DagLayout.Layout(graph, _ => 60);

    [TestMethod]
    public void NodesSitOneLayerBelowTheirDeepestInput()
    {
        // 0 -> 1 -> 2 -> 3 and a skip 0 -> 3: the skip does not pull 3 up.
        var layers = DagLayout.Layers(Snapshot(4, (0, 1), (1, 2), (2, 3), (0, 3)));
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3 }, layers);
    }

    [TestMethod]
    public void LongEdgesBendInEveryLayerTheyCross()
    {
        var drawing = Layout(Snapshot(4, (0, 1), (1, 2), (2, 3), (0, 3)));
        var skip = drawing.Edges.Single(e => e.Edge.From == 0 && e.Edge.To == 3);
        Assert.AreEqual(4, skip.Points.Count);
        Assert.AreEqual(2, drawing.Nodes.Count(n => n.NodeId is null));
        // Points go down the layers.
        for (int i = 1; i < skip.Points.Count; i++)
        {
            Assert.IsTrue(skip.Points[i].Y > skip.Points[i - 1].Y);
        }
    }

    [TestMethod]
    public void BarycentricOrderingUncrossesEdges()
    {
        // Layer 0: a, b; layer 1: c, d listed so that a -> d and b -> c cross in graph order.
        var graph = Snapshot(4, (0, 3), (1, 2));
        var drawing = Layout(graph);
        double X(int id) => drawing.Nodes.Single(n => n.NodeId == id).X;
        Assert.AreEqual(X(0) < X(1), X(3) < X(2), "the edges cross");
    }

    [TestMethod]
    public void BoxesOfALayerDoNotOverlapAndFitTheDrawing()
    {
        var graph = Snapshot(7, (0, 1), (0, 2), (0, 3), (1, 4), (2, 4), (3, 5), (4, 6), (5, 6));
        var drawing = Layout(graph);
        foreach (var layer in drawing.Nodes.GroupBy(n => n.Layer))
        {
            var ordered = layer.OrderBy(n => n.X).ToList();
            for (int i = 1; i < ordered.Count; i++)
            {
                Assert.IsTrue(ordered[i].X - ordered[i].Width / 2 >= ordered[i - 1].X + ordered[i - 1].Width / 2 + DagLayout.BoxGap - 1e-9);
            }
            Assert.IsTrue(ordered[0].X - ordered[0].Width / 2 >= 0 && ordered[^1].X + ordered[^1].Width / 2 <= drawing.Width);
        }
        Assert.IsTrue(drawing.Nodes.All(n => n.Y > 0 && n.Y < drawing.Height));
    }

    [TestMethod]
    public void LayoutIsDeterministic()
    {
        var graph = Snapshot(6, (0, 2), (1, 2), (1, 3), (2, 4), (3, 4), (0, 5), (4, 5));
        var first = Layout(graph);
        var second = Layout(graph);
        CollectionAssert.AreEqual(first.Nodes.ToList(), second.Nodes.ToList());
        Assert.IsTrue(first.Edges.Zip(second.Edges).All(p => p.First.Points.SequenceEqual(p.Second.Points)));
    }

    [TestMethod]
    public void GraphOutputsLineUpOnTheLastLayer()
    {
        var nodes = new List<GraphNode>
        {
            new(0, "input", "input", "x", ""), new(1, "op", "Relu", "r", ""), new(2, "op", "Relu", "s", ""),
            new(3, "output", "output", "early", ""), new(4, "output", "output", "late", ""),
        };
        var layers = DagLayout.Layers(new GraphSnapshot(nodes, [new(0, 1, "x"), new(1, 2, "r"), new(1, 3, "r"), new(2, 4, "s")]));
        Assert.AreEqual(layers[4], layers[3]);
    }
}
