using System.Globalization;
using System.Net;

namespace Aidge.Simulation.Report.Html;

/// <summary>Escaping and coordinates for the report's HTML and SVG: names from a model are untrusted text.</summary>
internal static class Markup
{
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A coordinate with at most one decimal, invariant culture: short, and the same on every machine.</summary>
    public static string Coordinate(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A label cut to <paramref name="length"/> characters with an ellipsis.</summary>
    public static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
