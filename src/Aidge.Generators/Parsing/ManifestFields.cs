using System.Collections.Generic;
using System.Globalization;
using Aidge.Generators.Json;

namespace Aidge.Generators.Parsing
{
    /// <summary>Typed access to the properties of one manifest object; a wrong or missing property throws with its position.</summary>
    internal readonly struct ManifestFields
    {
        private readonly JsonValue _object;
        private readonly string _path;

        public ManifestFields(JsonValue value, string path)
        {
            if (value.Kind != JsonKind.Object)
            {
                throw new ManifestException($"{Describe(path)} must be a JSON object", value.Position);
            }

            _object = value;
            _path = path;
        }

        public JsonValue? Find(string name) => _object.Members.TryGetValue(name, out JsonValue value) ? value : null;

        public string RequiredString(string name)
        {
            JsonValue value = Required(name);
            return value.Kind == JsonKind.String ? value.Text! : throw WrongType(name, value, "a string");
        }

        public string? OptionalString(string name)
        {
            JsonValue? value = Find(name);
            if (value == null || value.Kind == JsonKind.Null)
            {
                return null;
            }

            return value.Kind == JsonKind.String ? value.Text : throw WrongType(name, value, "a string or null");
        }

        public bool RequiredBool(string name)
        {
            JsonValue value = Required(name);
            return value.Kind == JsonKind.True || (value.Kind == JsonKind.False ? false : throw WrongType(name, value, "true or false"));
        }

        public long RequiredInteger(string name) => Integer(name, Required(name));

        public long? OptionalInteger(string name)
        {
            JsonValue? value = Find(name);
            return value == null || value.Kind == JsonKind.Null ? null : Integer(name, value);
        }

        public IReadOnlyList<JsonValue> RequiredArray(string name)
        {
            JsonValue value = Required(name);
            return value.Kind == JsonKind.Array ? value.Items : throw WrongType(name, value, "an array");
        }

        public long Integer(string name, JsonValue value)
        {
            if (value.Kind == JsonKind.Number
                && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long result))
            {
                return result;
            }

            throw WrongType(name, value, "an integer");
        }

        public ManifestException Invalid(string name, JsonValue value, string requirement) =>
            new ManifestException($"{Describe(Member(name))} {requirement}", value.Position);

        private JsonValue Required(string name) =>
            Find(name) ?? throw new ManifestException($"{Describe(_path)} has no property \"{name}\"", _object.Position);

        private ManifestException WrongType(string name, JsonValue value, string expected) =>
            Invalid(name, value, $"must be {expected}");

        private string Member(string name) => _path.Length == 0 ? name : _path + "." + name;

        private static string Describe(string path) => path.Length == 0 ? "the manifest" : $"\"{path}\"";
    }

    /// <summary>A manifest that is valid JSON but not a valid manifest.</summary>
    internal sealed class ManifestException : System.Exception
    {
        public ManifestException(string message, JsonPosition position)
            : base(message)
        {
            Position = position;
        }

        public JsonPosition Position { get; }
    }
}
