using System.Collections.Generic;

namespace Aidge.Generators.Json
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A parsed JSON value with the position where it starts, so that a manifest error can point at it.</summary>
    internal sealed class JsonValue
    {
        private JsonValue(JsonKind kind, JsonPosition position)
        {
            Kind = kind;
            Position = position;
        }

        public JsonKind Kind { get; }

        public JsonPosition Position { get; }

        /// <summary>The decoded string, or the number exactly as written (numbers are converted by the reader of the field).</summary>
        public string? Text { get; private set; }

        public IReadOnlyList<JsonValue> Items { get; private set; } = System.Array.Empty<JsonValue>();

        public IReadOnlyDictionary<string, JsonValue> Members { get; private set; } = EmptyMembers;

        private static readonly Dictionary<string, JsonValue> EmptyMembers = new Dictionary<string, JsonValue>();

        public static JsonValue Scalar(JsonKind kind, JsonPosition position, string? text = null) =>
            new JsonValue(kind, position) { Text = text };

        public static JsonValue Array(JsonPosition position, List<JsonValue> items) =>
            new JsonValue(JsonKind.Array, position) { Items = items };

        public static JsonValue Object(JsonPosition position, Dictionary<string, JsonValue> members) =>
            new JsonValue(JsonKind.Object, position) { Members = members };
    }

    /// <summary>Zero-based offset and line/column of a character in the manifest text.</summary>
    internal readonly struct JsonPosition
    {
        public JsonPosition(int offset, int line, int column)
        {
            Offset = offset;
            Line = line;
            Column = column;
        }

        public int Offset { get; }

        public int Line { get; }

        public int Column { get; }
    }

    internal sealed class JsonSyntaxException : System.Exception
    {
        public JsonSyntaxException(string message, JsonPosition position)
            : base(message)
        {
            Position = position;
        }

        public JsonPosition Position { get; }
    }
}
