using System.Text;

namespace Aidge.Export.C;

/// <summary>
/// The one writer of generated C text: four-space indents, <c>\n</c> line endings on every platform (so the
/// output is byte-for-byte the same everywhere), and braces opened and closed in pairs.
/// </summary>
public sealed class CSourceWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    /// <summary>Writes one line at the current indent. A line never holds a line break: that would break the indent and could end a comment.</summary>
    public CSourceWriter Line(string line = "")
    {
        if (line.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException("A generated C line cannot contain a line break.", nameof(line));
        }
        if (line.Length > 0)
        {
            text.Append(' ', depth * 4).Append(line);
        }
        text.Append('\n');
        return this;
    }

    /// <summary>Writes several lines, e.g. a hand-written C fragment, re-indented to the current depth.</summary>
    public CSourceWriter Lines(string block)
    {
        foreach (string line in block.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            Line(line.TrimEnd());
        }
        return this;
    }

    /// <summary>Writes <c>header {</c> and indents what follows until <see cref="Close"/>.</summary>
    public CSourceWriter Open(string header)
    {
        Line(header.Length == 0 ? "{" : header + " {");
        depth++;
        return this;
    }

    /// <summary>Closes the block opened last, with an optional suffix such as <c>;</c>.</summary>
    public CSourceWriter Close(string suffix = "")
    {
        if (depth == 0)
        {
            throw new InvalidOperationException("Close without a matching Open.");
        }
        depth--;
        return Line("}" + suffix);
    }

    /// <summary>A block comment whose text is made safe first (model names are untrusted).</summary>
    public CSourceWriter Comment(string comment) => Line($"/* {CComment.Safe(comment)} */");

    public override string ToString() => depth == 0 ? text.ToString() : throw new InvalidOperationException("Unclosed block in generated C.");
}
