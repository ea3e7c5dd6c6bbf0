using System.Globalization;
using System.Text;

namespace Aidge.Generators.Emit
{
    /// <summary>
    /// Escapes untrusted text (tensor names, paths, messages from the manifest) for the two places generated code
    /// shows it: string literals and XML documentation comments. Line breaks of every kind are escaped in both, so
    /// no text can end a comment line and continue as code.
    /// </summary>
    internal static class CSharpText
    {
        /// <summary>A regular C# string literal, quotes included.</summary>
        public static string Literal(string? text) =>
            text == null ? "null" : "\"" + Escape(text, LiteralEscape) + "\"";

        /// <summary>Text for an XML doc comment: markup characters as entities, line breaks and control characters as \uXXXX.</summary>
        public static string Xml(string text) => Escape(text, XmlEscape);

        private static string? LiteralEscape(char c) => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };

        private static string? XmlEscape(char c) => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            _ => null,
        };

        // Applies the context's own escapes, then the ones every context needs (see NeedsEscape).
        private static string Escape(string text, System.Func<char, string?> special)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                string? replacement = special(c);
                if (replacement != null)
                {
                    builder.Append(replacement);
                }
                else if (NeedsEscape(text, i))
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

        // Control characters and the Unicode line/paragraph separators end a C# line; lone surrogate halves and the
        // non-characters U+FFFE/U+FFFF are not valid in XML or UTF-8.
        private static bool NeedsEscape(string text, int index)
        {
            char c = text[index];
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF')
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
            }

            return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(text[index - 1]));
        }
    }
}
