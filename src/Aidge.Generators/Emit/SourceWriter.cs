using System.Text;

namespace Aidge.Generators.Emit
{
    /// <summary>
    /// Writes C# text with four-space indentation and '\n' line ends on every platform, so that generated files are
    /// identical byte for byte wherever they are produced.
    /// </summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public void Line(string line)
        {
            for (int i = 0; i < _indent; i++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line).Append('\n');
        }

        public void Line() => _text.Append('\n');

        /// <summary>Writes <paramref name="header"/> (when given) and an opening brace, and indents what follows.</summary>
        public void Open(string? header = null)
        {
            if (header != null)
            {
                Line(header);
            }

            Line("{");
            _indent++;
        }

        public void Close(string brace = "}")
        {
            _indent--;
            Line(brace);
        }

        public override string ToString() => _text.ToString();
    }
}
