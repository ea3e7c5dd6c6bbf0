using System.Text;

namespace Aidge.Export.C;

/// <summary>
/// Makes untrusted text (node and tensor names from a model) safe inside a C block comment: printable ASCII
/// only, no comment terminator or opener, no backslash (line splices) and no <c>??</c> (trigraphs in C99 mode).
/// </summary>
public static class CComment
{
    public const int MaxLength = 120;

    public static string Safe(string text)
    {
        var safe = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (char c in text)
        {
            if (safe.Length == MaxLength)
            {
                safe.Append("...");
                break;
            }
            bool breaksComment = c is '\\' || (c == '/' && Last(safe) == '*') || (c == '*' && Last(safe) == '/') || (c == '?' && Last(safe) == '?');
            safe.Append(c is >= ' ' and <= '~' && !breaksComment ? c : '_');
        }
        return safe.ToString();
    }

    private static char Last(StringBuilder text) => text.Length == 0 ? '\0' : text[^1];
}
