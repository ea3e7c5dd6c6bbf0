using System.Globalization;
using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Hls.Operators.Quantized;

/// <summary>
/// The integer side of an HLS QConv or QGemm layer (aidge_hls_quant.h, Aidge.Core's <see cref="Requantization"/>): the
/// operand types it accepts (uint8 or int8 activations, int8 weights, int32 bias, the output of the input's type), each
/// term centred on the input zero point in 9 bits, and the store through the requantization of the output channel's
/// multiplier and total shift, kept as ROM tables in the layer.
/// </summary>
public sealed record HlsRequantization(long XZeroPoint, long YZeroPoint, long YMin, long YMax, long[] Multipliers, long[] TotalShifts, string OutputType)
{
    /// <summary>The header the quantized layers include.</summary>
    public const string Header = "aidge_hls_quant.h";

    public static HlsRequantization Of(NodeContext node, TensorRef x, TensorRef w, TensorRef? bias, TensorRef y, long channels)
    {
        node.RequireType(x, DataType.UInt8, DataType.Int8);
        node.RequireType(w, DataType.Int8);
        if (bias is not null)
        {
            node.RequireType(bias, DataType.Int32);
        }
        node.RequireType(y, x.Type);
        return new HlsRequantization(
            node.GetInt("x_zero_point"),
            node.GetInt("y_zero_point"),
            node.GetInt("y_min"),
            node.GetInt("y_max"),
            PerChannel(node, "multiplier", channels),
            PerChannel(node, "shift", channels).Select(s => 31 + s).ToArray(),
            HlsTypes.Of(y.Type));
    }

    /// <summary>The tables' declarations, written before the layer's loops.</summary>
    public IEnumerable<string> Tables()
    {
        yield return $"static const int32_t multiplier[{Multipliers.Length}] = {{{string.Join(", ", Multipliers.Select(CLiteral.Int))}}};";
        yield return $"static const int8_t total_shift[{TotalShifts.Length}] = {{{string.Join(", ", TotalShifts.Select(s => s.ToString(CultureInfo.InvariantCulture)))}}};";
    }

    /// <summary>The sum's first value: the channel's bias, or zero.</summary>
    public static string Start(string? bias) => $"aidge_hls_acc acc = {bias ?? "0"};";

    /// <summary>The statement adding one term: (x − x_zero_point) · w, 9 by 8 bits.</summary>
    public string Tap(string input, string weight) =>
        $"acc += aidge_hls_centered({input} - {CLiteral.Int(XZeroPoint)}) * aidge::integer<8>({weight});";

    /// <summary>The statement storing the sum of output channel <paramref name="channel"/> into <paramref name="output"/>.</summary>
    public string Store(string output, string channel) =>
        $"{output} = ({OutputType})aidge_hls_requantize(acc, multiplier[{channel}], total_shift[{channel}], {CLiteral.Int(YZeroPoint)}, {CLiteral.Int(YMin)}, {CLiteral.Int(YMax)});";

    private static long[] PerChannel(NodeContext node, string attribute, long channels)
    {
        long[] values = node.GetInts(attribute) ?? throw node.Unsupported($"the {attribute} attribute is missing");
        long[] expanded = values.Length == 1 ? Enumerable.Repeat(values[0], (int)channels).ToArray() : values;
        return expanded.Length == channels ? expanded : throw node.Unsupported($"{attribute} has {values.Length} values for {channels} output channels");
    }
}
