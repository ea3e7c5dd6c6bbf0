using System.Globalization;
using Aidge.Core.Graphs;

namespace Aidge.Export.Kernels;

/// <summary>
/// A table of operator rows where some operators have one row per value of an attribute that changes the expression
/// (Gelu's approximate, Mod's fmod, BitShift's direction): those rows are keyed <c>Op_value</c>. The key also names
/// the generated helper, so two variants in one model never share a C function.
/// </summary>
public sealed class OperatorRows<TRow>(Dictionary<string, TRow> rows, Dictionary<string, string> variantAttributes)
    where TRow : class
{
    /// <summary>The row of the node's operator (and variant), or unsupported when the variant has no row.</summary>
    public (string Key, TRow Row) Find(NodeContext node)
    {
        string op = node.Node.OpType;
        if (!variantAttributes.TryGetValue(op, out string? attribute))
        {
            return (op, rows[op]);
        }
        string value = node.Schema?.Attributes.GetValueOrDefault(attribute)?.Kind == AttributeKind.String
            ? node.GetString(attribute)
            : node.GetInt(attribute).ToString(CultureInfo.InvariantCulture);
        string key = $"{op}_{value}";
        return rows.TryGetValue(key, out var row) ? (key, row) : throw node.Unsupported($"{attribute} '{value}' is not supported");
    }
}
