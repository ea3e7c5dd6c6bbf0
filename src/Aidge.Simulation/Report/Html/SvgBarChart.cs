using System.Text;

namespace Aidge.Simulation.Report.Html;

/// <summary>A horizontal bar chart as inline SVG: one labelled bar per row, lengths proportional to the values, the value written after each bar.</summary>
internal static class SvgBarChart
{
    private const double LabelWidth = 230;
    private const double BarArea = 360;
    private const double ValueWidth = 90;
    private const double RowHeight = 18;

    public static string Write(string title, IReadOnlyList<(string Label, double Value)> rows, Func<double, string> format)
    {
        double max = rows.Select(r => r.Value).DefaultIfEmpty(0).Max();
        double width = LabelWidth + BarArea + ValueWidth;
        double height = Math.Max(1, rows.Count) * RowHeight + 8;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Markup.Coordinate(width)}\" height=\"{Markup.Coordinate(height)}\" viewBox=\"0 0 {Markup.Coordinate(width)} {Markup.Coordinate(height)}\" role=\"img\" aria-label=\"{Markup.Text(title)}\">\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            double y = 4 + i * RowHeight;
            double length = max > 0 ? Math.Max(value > 0 ? 1 : 0, value / max * BarArea) : 0;
            svg.Append($"<g><title>{Markup.Text($"{label}: {format(value)}")}</title>");
            svg.Append($"<text x=\"{Markup.Coordinate(LabelWidth - 6)}\" y=\"{Markup.Coordinate(y + 12)}\" class=\"label\">{Markup.Text(Markup.Cut(label, 34))}</text>");
            svg.Append($"<rect x=\"{Markup.Coordinate(LabelWidth)}\" y=\"{Markup.Coordinate(y + 2)}\" width=\"{Markup.Coordinate(length)}\" height=\"{Markup.Coordinate(RowHeight - 5)}\"/>");
            svg.Append($"<text x=\"{Markup.Coordinate(LabelWidth + length + 4)}\" y=\"{Markup.Coordinate(y + 12)}\" class=\"value\">{Markup.Text(format(value))}</text></g>\n");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
