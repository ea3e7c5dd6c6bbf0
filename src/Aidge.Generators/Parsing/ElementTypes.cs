using System.Collections.Generic;

namespace Aidge.Generators.Parsing
{
    /// <summary>The manifest's ONNX element type names and the C# types the generated class uses for them.</summary>
    internal static class ElementTypes
    {
        // bfloat16 has no .NET type that every supported framework has; such a tensor is reported, not guessed at.
        // bool is one byte in both the ABI and .NET, so spans of bool pass straight through.
        private static readonly Dictionary<string, string> CSharpTypes = new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["float32"] = "float",
            ["float64"] = "double",
            ["float16"] = "global::System.Half",
            ["int8"] = "sbyte",
            ["uint8"] = "byte",
            ["int16"] = "short",
            ["uint16"] = "ushort",
            ["int32"] = "int",
            ["uint32"] = "uint",
            ["int64"] = "long",
            ["uint64"] = "ulong",
            ["bool"] = "bool",
        };

        public static string SupportedList => string.Join(", ", CSharpTypes.Keys);

        public static bool TryGetCSharpType(string elementType, out string csharpType) =>
            CSharpTypes.TryGetValue(elementType, out csharpType!);
    }
}
