using System.Globalization;
using Aidge.Core.Tensors;

namespace Aidge.Onnx;

/// <summary>
/// The header of a NumPy <c>.npy</c> file: a Python dict literal such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (360, 1, 8, 8), }</c>. NumPy writes it with
/// <c>repr</c>, so a small parser for string, bool, int and tuple literals reads every header it produces.
/// </summary>
internal sealed record NpyHeader(DataType Type, bool FortranOrder, long[] Dims)
{
    /// <summary>The dtypes read, by their descr without the byte-order mark, and the IR type each one holds.</summary>
    private static readonly (string Code, DataType Type)[] Dtypes =
    [
        ("f4", DataType.Float), ("f8", DataType.Double), ("f2", DataType.Float16),
        ("u1", DataType.UInt8), ("i1", DataType.Int8), ("b1", DataType.Bool),
        ("i2", DataType.Int16), ("u2", DataType.UInt16), ("i4", DataType.Int32), ("u4", DataType.UInt32),
        ("i8", DataType.Int64), ("u8", DataType.UInt64),
    ];

    public static string SupportedDtypes => string.Join(" ", Dtypes.Select(d => (d.Type.SizeOf() == 1 ? "|" : "<") + d.Code));

    /// <summary>Parses the dict; an <see cref="FormatException"/> says what is wrong with it.</summary>
    public static NpyHeader Parse(string text)
    {
        var reader = new LiteralReader(text);
        var entries = reader.ReadDict();
        string descr = entries.GetValueOrDefault("descr") as string ?? throw new FormatException("the header has no 'descr' string (a structured dtype?)");
        bool fortran = entries.GetValueOrDefault("fortran_order") as bool? ?? throw new FormatException("the header has no 'fortran_order' flag");
        var shape = entries.GetValueOrDefault("shape") as List<long> ?? throw new FormatException("the header has no 'shape' tuple");
        return new NpyHeader(TypeOf(descr), fortran, [.. shape]);
    }

    /// <summary>The header dict NumPy would write for a C-order array of this type and shape.</summary>
    public string Format()
    {
        var (code, _) = Dtypes.First(d => d.Type == Type);
        string byteOrder = Type.SizeOf() == 1 ? "|" : "<";
        string shape = Dims.Length == 1 ? $"({Dims[0]},)" : $"({string.Join(", ", Dims)})";
        return $"{{'descr': '{byteOrder}{code}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
    }

    private static DataType TypeOf(string descr)
    {
        // '<' little-endian, '|' not applicable (one byte), '=' native: files from little-endian machines, as all ours are.
        if (descr.Length == 3 && descr[0] is '<' or '|' or '=')
        {
            foreach (var (code, type) in Dtypes)
            {
                if (descr.AsSpan(1).SequenceEqual(code) && (descr[0] != '|' || type.SizeOf() == 1))
                {
                    return type;
                }
            }
        }
        throw new FormatException($"the dtype '{descr}' is not supported (supported: {SupportedDtypes}; big-endian arrays must be converted with .astype('<f4') or similar)");
    }

    /// <summary>Reads the Python literals of a header: dicts, strings, True/False, integers and tuples of integers.</summary>
    private sealed class LiteralReader(string text)
    {
        private int position;

        public Dictionary<string, object> ReadDict()
        {
            Expect('{');
            var entries = new Dictionary<string, object>(StringComparer.Ordinal);
            while (Peek() != '}')
            {
                string key = ReadString();
                Expect(':');
                entries[key] = ReadValue();
                if (Peek() != ',')
                {
                    break;
                }
                position++;
            }
            Expect('}');
            return entries;
        }

        private object ReadValue() => Peek() switch
        {
            '\'' or '"' => ReadString(),
            '(' => ReadTuple(),
            'T' or 'F' => ReadBool(),
            '[' or '{' => throw new FormatException("the header holds a list or dict value (a structured dtype?)"),
            _ => ReadInteger(),
        };

        private string ReadString()
        {
            char quote = Peek();
            if (quote is not ('\'' or '"'))
            {
                throw Unexpected("a string");
            }
            int end = text.IndexOf(quote, position + 1);
            if (end < 0)
            {
                throw new FormatException("the header has an unterminated string");
            }
            string value = text[(position + 1)..end];
            position = end + 1;
            return value;
        }

        private List<long> ReadTuple()
        {
            Expect('(');
            var items = new List<long>();
            while (Peek() != ')')
            {
                items.Add(ReadInteger());
                if (Peek() != ',')
                {
                    break;
                }
                position++;
            }
            Expect(')');
            return items;
        }

        private bool ReadBool()
        {
            foreach (var (word, value) in new[] { ("True", true), ("False", false) })
            {
                if (string.CompareOrdinal(text, position, word, 0, word.Length) == 0)
                {
                    position += word.Length;
                    return value;
                }
            }
            throw Unexpected("True or False");
        }

        private long ReadInteger()
        {
            Peek();
            int start = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
            // A trailing L is how Python 2 wrote longs; files written then still exist.
            var digits = text.AsSpan(start, position - start);
            if (position < text.Length && text[position] == 'L')
            {
                position++;
            }
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : throw Unexpected("a non-negative integer");
        }

        private void Expect(char expected)
        {
            if (Peek() != expected)
            {
                throw Unexpected($"'{expected}'");
            }
            position++;
        }

        /// <summary>The next character after whitespace, or '\0' at the end.</summary>
        private char Peek()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            return position < text.Length ? text[position] : '\0';
        }

        private FormatException Unexpected(string what) =>
            new($"the header has {(position < text.Length ? $"'{text[position]}'" : "its end")} at character {position} where {what} was expected");
    }
}
