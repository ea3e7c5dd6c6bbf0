using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Aidge.Generators.Model
{
    /// <summary>
    /// A diagnostic kept as plain values until it is reported: Diagnostic and Location are not value-equatable, and
    /// holding them in pipeline models would defeat caching.
    /// </summary>
    internal sealed record DiagnosticInfo(
        DiagnosticDescriptor Descriptor,
        string FilePath,
        TextSpan Span,
        LinePositionSpan LineSpan,
        EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo AtFile(DiagnosticDescriptor descriptor, string filePath, params string[] arguments) =>
            At(descriptor, filePath, 0, 0, 0, arguments);

        public static DiagnosticInfo At(
            DiagnosticDescriptor descriptor, string filePath, int offset, int line, int column, params string[] arguments)
        {
            var position = new LinePosition(line, column);
            return new DiagnosticInfo(
                descriptor,
                filePath,
                new TextSpan(offset, 0),
                new LinePositionSpan(position, position),
                arguments.ToEquatableArray());
        }

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(
                Descriptor,
                Location.Create(FilePath, Span, LineSpan),
                messageArgs: Arguments.ToArray<object>());
    }
}
