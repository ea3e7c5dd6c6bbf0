using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;

namespace Aidge.Core.Operators;

/// <summary>
/// Reads a node's attribute, falling back to its schema's default when the node omits it. Inference and the
/// simulator's kernels share this, so both see the same defaults. The default is looked up only when the
/// attribute is absent: required attributes have none.
/// </summary>
public static class SchemaAttributes
{
    public static long GetInt(Node node, OpSchema? schema, string name) =>
        node.FindAttribute(name)?.AsInt() ?? Convert.ToInt64(Default(node, schema, name));

    public static float GetFloat(Node node, OpSchema? schema, string name) =>
        node.FindAttribute(name)?.AsFloat() ?? Convert.ToSingle(Default(node, schema, name));

    public static string GetString(Node node, OpSchema? schema, string name) =>
        node.FindAttribute(name)?.AsString() ?? (string)Default(node, schema, name);

    public static long[]? GetInts(Node node, OpSchema? schema, string name) =>
        node.GetInts(name) ?? schema?.Attributes.GetValueOrDefault(name)?.Default as long[];

    public static float[]? GetFloats(Node node, OpSchema? schema, string name) =>
        node.GetFloats(name) ?? schema?.Attributes.GetValueOrDefault(name)?.Default as float[];

    private static object Default(Node node, OpSchema? schema, string name) =>
        schema?.Attributes.GetValueOrDefault(name)?.Default
        ?? throw new AidgeException(DiagnosticCodes.InvalidAttribute, $"{node.OpType} needs attribute '{name}'.", node: node.DisplayName);
}
