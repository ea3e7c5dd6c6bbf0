using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Aidge.Generators.Json
{
    /// <summary>
    /// A strict RFC 8259 reader for the small manifests the compiler writes. The generator may not depend on a JSON
    /// library (analyzers cannot carry dependencies reliably), and the manifests need only a tree with positions.
    /// </summary>
    internal sealed class JsonReader
    {
        // Manifests are two or three levels deep; the bound keeps a hostile file from overflowing the compiler's stack.
        private const int MaxDepth = 64;

        private readonly string _text;
        private int _offset;
        private int _line;
        private int _lineStart;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <exception cref="JsonSyntaxException">The text is not one well-formed JSON value.</exception>
        public static JsonValue Parse(string text)
        {
            var reader = new JsonReader(text);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                reader._offset = 1;
            }

            JsonValue value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._offset < text.Length)
            {
                throw reader.Error("unexpected text after the end of the JSON value");
            }

            return value;
        }

        private JsonPosition Position => new JsonPosition(_offset, _line, _offset - _lineStart);

        private JsonSyntaxException Error(string message) => new JsonSyntaxException(message, Position);

        private JsonValue ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"values are nested more than {MaxDepth} levels deep");
            }

            SkipWhitespace();
            if (_offset >= _text.Length)
            {
                throw Error("unexpected end of the file");
            }

            JsonPosition start = Position;
            char c = _text[_offset];
            switch (c)
            {
                case '{':
                    return ReadObject(start, depth);
                case '[':
                    return ReadArray(start, depth);
                case '"':
                    return JsonValue.Scalar(JsonKind.String, start, ReadString());
                case 't':
                    ExpectWord("true");
                    return JsonValue.Scalar(JsonKind.True, start);
                case 'f':
                    ExpectWord("false");
                    return JsonValue.Scalar(JsonKind.False, start);
                case 'n':
                    ExpectWord("null");
                    return JsonValue.Scalar(JsonKind.Null, start);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return JsonValue.Scalar(JsonKind.Number, start, ReadNumber());
                    }

                    throw Error($"unexpected character {Describe(c)}");
            }
        }

        private JsonValue ReadObject(JsonPosition start, int depth)
        {
            _offset++;
            var members = new Dictionary<string, JsonValue>(System.StringComparer.Ordinal);
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return JsonValue.Object(start, members);
            }

            while (true)
            {
                SkipWhitespace();
                if (_offset >= _text.Length || _text[_offset] != '"')
                {
                    throw Error("expected a property name in double quotes");
                }

                JsonPosition keyPosition = Position;
                string key = ReadString();
                SkipWhitespace();
                Expect(':');
                JsonValue value = ReadValue(depth + 1);
                if (members.ContainsKey(key))
                {
                    throw new JsonSyntaxException($"property \"{key}\" appears twice", keyPosition);
                }

                members.Add(key, value);
                SkipWhitespace();
                if (TryConsume('}'))
                {
                    return JsonValue.Object(start, members);
                }

                Expect(',');
            }
        }

        private JsonValue ReadArray(JsonPosition start, int depth)
        {
            _offset++;
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return JsonValue.Array(start, items);
            }

            while (true)
            {
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (TryConsume(']'))
                {
                    return JsonValue.Array(start, items);
                }

                Expect(',');
            }
        }

        private string ReadString()
        {
            _offset++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_offset >= _text.Length)
                {
                    throw Error("unterminated string");
                }

                char c = _text[_offset];
                if (c == '"')
                {
                    _offset++;
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw Error($"control character {Describe(c)} inside a string (escape it)");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    _offset++;
                    continue;
                }

                _offset++;
                if (_offset >= _text.Length)
                {
                    throw Error("unterminated escape sequence");
                }

                char escape = _text[_offset++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u': builder.Append(ReadHexCodeUnit()); break;
                    default:
                        _offset--;
                        throw Error($"invalid escape sequence \\{escape}");
                }
            }
        }

        private char ReadHexCodeUnit()
        {
            if (_offset + 4 > _text.Length
                || !int.TryParse(_text.Substring(_offset, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                throw Error("\\u must be followed by four hexadecimal digits");
            }

            _offset += 4;
            return (char)code;
        }

        private string ReadNumber()
        {
            int start = _offset;
            TryConsume('-');
            if (TryConsume('0'))
            {
                // A leading zero stands alone: 01 is not JSON.
            }
            else if (!ConsumeDigits())
            {
                throw Error("expected a digit");
            }

            if (TryConsume('.') && !ConsumeDigits())
            {
                throw Error("expected a digit after the decimal point");
            }

            if (TryConsume('e') || TryConsume('E'))
            {
                if (!TryConsume('+'))
                {
                    TryConsume('-');
                }

                if (!ConsumeDigits())
                {
                    throw Error("expected a digit in the exponent");
                }
            }

            return _text.Substring(start, _offset - start);
        }

        private bool ConsumeDigits()
        {
            int start = _offset;
            while (_offset < _text.Length && _text[_offset] >= '0' && _text[_offset] <= '9')
            {
                _offset++;
            }

            return _offset > start;
        }

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(_text, _offset, word, 0, word.Length) != 0)
            {
                throw Error($"unexpected character {Describe(_text[_offset])}");
            }

            _offset += word.Length;
        }

        private void Expect(char expected)
        {
            if (!TryConsume(expected))
            {
                string found = _offset < _text.Length ? Describe(_text[_offset]) : "the end of the file";
                throw Error($"expected '{expected}' but found {found}");
            }
        }

        private bool TryConsume(char expected)
        {
            if (_offset < _text.Length && _text[_offset] == expected)
            {
                _offset++;
                return true;
            }

            return false;
        }

        private void SkipWhitespace()
        {
            while (_offset < _text.Length)
            {
                char c = _text[_offset];
                if (c == '\n')
                {
                    _line++;
                    _lineStart = _offset + 1;
                }
                else if (c != ' ' && c != '\t' && c != '\r')
                {
                    return;
                }

                _offset++;
            }
        }

        private static string Describe(char c) =>
            c >= ' ' && c < 127 ? $"'{c}'" : $"U+{(int)c:X4}";
    }
}
