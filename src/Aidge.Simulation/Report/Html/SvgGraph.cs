using System.Text;
using Aidge.Simulation.Cost;

namespace Aidge.Simulation.Report.Html;

/// <summary>
/// Draws a <see cref="GraphSnapshot"/> as inline SVG with <see cref="DagLayout"/>: one box per node (operator in bold,
/// node name below, cut to fit; the full name, output type and shape in its tooltip), inputs and outputs as rounded
/// boxes, arrows along the layout's polylines. Colours tell the kernel classes apart.
/// </summary>
internal static class SvgGraph
{
    private const int NameLength = 26;

    public static string Write(GraphSnapshot graph, string title, string id)
    {
        var drawing = DagLayout.Layout(graph, BoxWidth);
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Markup.Coordinate(drawing.Width)}\" height=\"{Markup.Coordinate(drawing.Height)}\" viewBox=\"0 0 {Markup.Coordinate(drawing.Width)} {Markup.Coordinate(drawing.Height)}\" role=\"img\" aria-label=\"{Markup.Text(title)}\">\n");
        svg.Append($"<defs><marker id=\"{id}-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#667\"/></marker></defs>\n");
        foreach (var edge in drawing.Edges)
        {
            string path = string.Join(" ", edge.Points.Select((p, i) => $"{(i == 0 ? 'M' : 'L')}{Markup.Coordinate(p.X)},{Markup.Coordinate(p.Y)}"));
            svg.Append($"<path class=\"edge\" d=\"{path}\" marker-end=\"url(#{id}-arrow)\"><title>{Markup.Text(edge.Edge.Tensor)}</title></path>\n");
        }
        foreach (var placed in drawing.Nodes.Where(n => n.NodeId is not null))
        {
            var node = graph.Nodes[placed.NodeId!.Value];
            double left = placed.X - placed.Width / 2, top = placed.Y - DagLayout.BoxHeight / 2;
            string tooltip = $"{node.Op} {node.Name}\n{node.Detail}".Trim();
            svg.Append($"<g class=\"node {Kind(node)}\"><title>{Markup.Text(tooltip)}</title>");
            svg.Append($"<rect x=\"{Markup.Coordinate(left)}\" y=\"{Markup.Coordinate(top)}\" width=\"{Markup.Coordinate(placed.Width)}\" height=\"{Markup.Coordinate(DagLayout.BoxHeight)}\" rx=\"{(node.Kind == "op" ? 4 : 14)}\"/>");
            svg.Append($"<text x=\"{Markup.Coordinate(placed.X)}\" y=\"{Markup.Coordinate(placed.Y - 3)}\" class=\"op\">{Markup.Text(node.Op)}</text>");
            svg.Append($"<text x=\"{Markup.Coordinate(placed.X)}\" y=\"{Markup.Coordinate(placed.Y + 11)}\" class=\"name\">{Markup.Text(Markup.Cut(node.Name, NameLength))}</text>");
            svg.Append("</g>\n");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double BoxWidth(GraphNode node) =>
        Math.Max(node.Op.Length, Math.Min(node.Name.Length, NameLength)) * DagLayout.CharWidth + 18;

    private static string Kind(GraphNode node)
    {
        if (node.Kind != "op")
        {
            return "io";
        }
        if (node.Op.Contains("Conv", StringComparison.Ordinal) || node.Op.Contains("Gemm", StringComparison.Ordinal) || node.Op.Contains("MatMul", StringComparison.Ordinal))
        {
            return "matrix";
        }
        return OpClasses.IsWindow(node.Op) ? "window" : OpClasses.IsMovement(node.Op) ? "movement" : "elementwise";
    }
}
