using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// The integer parameters of an ai.aidge QConv or QGemm node, checked and expanded for every kernel-based target:
/// activations uint8 or int8 (the output has the same type), int8 weights, an optional int32 bias, and per output
/// channel a multiplier and a shift (a single pair applies to every channel), for the requantization
/// y = clamp(y_zero_point + RoundShift(acc · multiplier, 31 + shift), y_min, y_max) of Core's Requantization.
/// </summary>
public sealed record QuantizedLayer(bool Signed, long XZeroPoint, long[] Multipliers, long[] Shifts, long YZeroPoint, long YMin, long YMax)
{
    /// <param name="node">The QConv or QGemm node.</param>
    /// <param name="x">The activations.</param>
    /// <param name="weights">The weights.</param>
    /// <param name="bias">The bias, or null.</param>
    /// <param name="channels">The number of output channels.</param>
    public static QuantizedLayer Of(NodeContext node, TensorRef x, TensorRef weights, TensorRef? bias, long channels)
    {
        node.RequireType(x, DataType.UInt8, DataType.Int8);
        node.RequireType(weights, DataType.Int8);
        if (bias is not null)
        {
            node.RequireType(bias, DataType.Int32);
        }
        return new QuantizedLayer(x.Type == DataType.Int8, node.GetInt("x_zero_point"), PerChannel(node, "multiplier", channels), PerChannel(node, "shift", channels),
            node.GetInt("y_zero_point"), node.GetInt("y_min"), node.GetInt("y_max"));
    }

    private static long[] PerChannel(NodeContext node, string attribute, long channels)
    {
        long[] values = node.GetInts(attribute) ?? throw node.Unsupported($"the {attribute} attribute is missing");
        long[] expanded = values.Length == 1 ? Enumerable.Repeat(values[0], (int)channels).ToArray() : values;
        if (expanded.Length != channels)
        {
            throw node.Unsupported($"{attribute} has {values.Length} values for {channels} output channels");
        }
        return expanded;
    }
}
