using Aidge.Core.Tensors;

namespace Aidge.Export.Kernels;

/// <summary>
/// Cast and CastLike for every kernel-based target: C conversions between the types a target holds (floats truncate
/// toward zero into integers; bool is x != 0). Null expression: the types are equal and the node copies.
/// </summary>
public static class CastTypes
{
    /// <summary>The numeric types and bool; targets that decode half types add them.</summary>
    public static readonly DataType[] Plain = [.. ElementTypeSets.Numeric, DataType.Bool];

    /// <summary>The conversion expression of <c>x</c>, or null for a copy, after checking both types against <paramref name="types"/>.</summary>
    public static UnaryOperation? Resolve(NodeContext node, DataType[] types)
    {
        var input = node.Input(0);
        var output = node.Output(0);
        node.RequireType(input, types);
        node.RequireType(output, types);
        return input.Type == output.Type ? null : new UnaryOperation("cast", input.Type, output.Type, output.Type == DataType.Bool ? "x != 0" : "x", 0, 0);
    }
}
