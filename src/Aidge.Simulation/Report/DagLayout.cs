namespace Aidge.Simulation.Report;

/// <summary>A placed box: the snapshot node it draws (null for the bend point of a long edge), its layer and center.</summary>
public sealed record PlacedNode(int? NodeId, int Layer, double X, double Y, double Width);

/// <summary>An edge as a polyline from the bottom of its source box to the top of its target box.</summary>
public sealed record PlacedEdge(GraphEdge Edge, IReadOnlyList<(double X, double Y)> Points);

/// <summary>A layered drawing of a DAG, top to bottom.</summary>
public sealed record DagDrawing(IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<PlacedEdge> Edges, double Width, double Height);

/// <summary>
/// A layered (Sugiyama-style) layout written for the report: longest-path layering (a node sits one layer below its
/// deepest input, so data flows down), a bend point in every layer a long edge crosses (so it is ordered like a node
/// and does not cut through boxes), barycentric ordering (sweeps down and up, each layer sorted by the mean position
/// of its neighbours in the layer before, which untangles most crossings), then coordinates: boxes as wide as their
/// labels, packed left to right, each layer centred. Deterministic: ties keep the previous order, which starts as the
/// graph's order.
/// </summary>
public static class DagLayout
{
    public const double BoxHeight = 34;
    public const double LayerGap = 30;
    public const double BoxGap = 16;
    public const double Margin = 12;
    public const double CharWidth = 6.6;
    public const double BendWidth = 8;
    private const int Sweeps = 8;

    public static DagDrawing Layout(GraphSnapshot graph, Func<GraphNode, double> boxWidth)
    {
        var layerOf = Layers(graph);
        // Vertices: the graph's nodes, then one bend point per layer crossed by a long edge.
        var vertices = graph.Nodes.Select(n => new Vertex(n.Id, layerOf[n.Id], boxWidth(n))).ToList();
        var chains = new List<List<Vertex>>();
        foreach (var edge in graph.Edges)
        {
            var chain = new List<Vertex> { vertices[edge.From] };
            for (int layer = layerOf[edge.From] + 1; layer < layerOf[edge.To]; layer++)
            {
                var bend = new Vertex(null, layer, BendWidth);
                vertices.Add(bend);
                chain.Add(bend);
            }
            chain.Add(vertices[edge.To]);
            for (int i = 0; i + 1 < chain.Count; i++)
            {
                chain[i].Below.Add(chain[i + 1]);
                chain[i + 1].Above.Add(chain[i]);
            }
            chains.Add(chain);
        }
        var layers = vertices.GroupBy(v => v.Layer).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        Order(layers);
        double width = Place(layers);
        var placed = vertices.Select(v => new PlacedNode(v.NodeId, v.Layer, v.X, Y(v.Layer), v.Width)).ToList();
        var edges = graph.Edges.Select((edge, i) => new PlacedEdge(edge, Route(chains[i]))).ToList();
        double height = 2 * Margin + layers.Count * BoxHeight + Math.Max(0, layers.Count - 1) * LayerGap;
        return new DagDrawing(placed, edges, width, height);
    }

    /// <summary>Longest-path layering over the snapshot (nodes are in topological order, edges point forward).</summary>
    public static int[] Layers(GraphSnapshot graph)
    {
        var layer = new int[graph.Nodes.Count];
        foreach (var edge in graph.Edges.OrderBy(e => e.To))
        {
            layer[edge.To] = Math.Max(layer[edge.To], layer[edge.From] + 1);
        }
        // Graph outputs go to the last layer, so the results line up at the bottom.
        int last = layer.DefaultIfEmpty(0).Max();
        foreach (var node in graph.Nodes.Where(n => n.Kind == "output"))
        {
            layer[node.Id] = Math.Max(last, layer[node.Id]);
        }
        return layer;
    }

    private static double Y(int layer) => Margin + layer * (BoxHeight + LayerGap) + BoxHeight / 2;

    private static void Order(List<List<Vertex>> layers)
    {
        Renumber(layers);
        for (int sweep = 0; sweep < Sweeps; sweep++)
        {
            bool down = sweep % 2 == 0;
            for (int k = 0; k < layers.Count; k++)
            {
                var layer = layers[down ? k : layers.Count - 1 - k];
                // A stable sort by barycenter; vertices without neighbours on that side keep their place.
                var keyed = layer.Select(v => (Vertex: v, Key: Barycenter(down ? v.Above : v.Below) ?? v.Position)).ToList();
                layer.Clear();
                layer.AddRange(keyed.OrderBy(p => p.Key).ThenBy(p => p.Vertex.Position).Select(p => p.Vertex));
                for (int i = 0; i < layer.Count; i++)
                {
                    layer[i].Position = i;
                }
            }
        }
    }

    private static void Renumber(List<List<Vertex>> layers)
    {
        foreach (var layer in layers)
        {
            for (int i = 0; i < layer.Count; i++)
            {
                layer[i].Position = i;
            }
        }
    }

    private static double? Barycenter(List<Vertex> neighbours) => neighbours.Count == 0 ? null : neighbours.Average(n => (double)n.Position);

    /// <summary>Packs each layer left to right and centres it on the widest; returns the drawing's width.</summary>
    private static double Place(List<List<Vertex>> layers)
    {
        double LayerWidth(List<Vertex> layer) => layer.Sum(v => v.Width) + BoxGap * Math.Max(0, layer.Count - 1);
        double widest = layers.Select(LayerWidth).DefaultIfEmpty(0).Max();
        foreach (var layer in layers)
        {
            double x = Margin + (widest - LayerWidth(layer)) / 2;
            foreach (var vertex in layer)
            {
                vertex.X = x + vertex.Width / 2;
                x += vertex.Width + BoxGap;
            }
        }
        return widest + 2 * Margin;
    }

    private static List<(double X, double Y)> Route(List<Vertex> chain)
    {
        var points = new List<(double X, double Y)> { (chain[0].X, Y(chain[0].Layer) + BoxHeight / 2) };
        points.AddRange(chain.Skip(1).SkipLast(1).Select(v => (v.X, Y(v.Layer))));
        points.Add((chain[^1].X, Y(chain[^1].Layer) - BoxHeight / 2));
        return points;
    }

    private sealed class Vertex(int? nodeId, int layer, double width)
    {
        public int? NodeId { get; } = nodeId;
        public int Layer { get; } = layer;
        public double Width { get; } = width;
        public List<Vertex> Above { get; } = new();
        public List<Vertex> Below { get; } = new();
        public int Position { get; set; }
        public double X { get; set; }
    }
}
