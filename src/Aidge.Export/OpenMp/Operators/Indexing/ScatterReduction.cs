using Aidge.Core.Tensors;
using Aidge.Export.OpenMp.Operators.Elementwise;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>
/// How a scatter combines the existing element <c>o</c> with an update <c>u</c> (the reduction attribute): "none"
/// moves any element, the arithmetic ones need numbers. NaN propagates through max/min as in the reference.
/// </summary>
public static class ScatterReduction
{
    private static readonly Dictionary<string, string> Expressions = new(StringComparer.Ordinal)
    {
        ["none"] = "u",
        ["add"] = "o + u",
        ["mul"] = "o * u",
        ["max"] = "o != o ? o : u != u ? u : o > u ? o : u",
        ["min"] = "o != o ? o : u != u ? u : o < u ? o : u",
    };

    /// <summary>The node's reduction and its C expression; unsupported for an unknown reduction or a type it cannot combine.</summary>
    public static (string Name, string Expression) Of(NodeContext node, DataType type)
    {
        string reduction = node.Schema?.Attributes.ContainsKey("reduction") == true ? node.GetString("reduction") : "none";
        if (!Expressions.TryGetValue(reduction, out string? expression))
        {
            throw node.Unsupported($"reduction '{reduction}' is not supported");
        }
        if (reduction != "none" && !ElementTypeSets.Numeric.Contains(type))
        {
            throw node.Unsupported($"reduction '{reduction}' needs a numeric element type, not {type.OnnxName()}");
        }
        return (reduction, expression);
    }
}
