using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Quantized;

/// <summary>
/// The requantization side of ai.aidge QConv and QGemm as the int8 kernels take it: an <c>aidge_qparams</c> (see
/// OpenMp/Runtime/aidge_requantize.c) written as a compound literal, whose per-channel multipliers, shifts and
/// zero-point corrections are constant tables. A single multiplier/shift applies to every channel. The kernels read
/// int8 activations as uint8 with the sign bit flipped (x + 128), so the input zero point moves by 128 with them;
/// the correction (flipped zero point)·Σ_k w[m][k] turns the GEMM kernels' Σ x·w into Σ (x − x_zero_point)·w, and is
/// computed here from the constant weights (int32 arithmetic, wrapping as the kernels' sums do).
/// </summary>
public sealed record QuantizedLayerParameters(string Argument, EquatableArray<CHelper> Tables)
{
    /// <param name="node">The QConv or QGemm node.</param>
    /// <param name="x">The activations (uint8 or int8); the output has the same type.</param>
    /// <param name="weights">The int8 weights, one row of <paramref name="depth"/> values per output channel.</param>
    /// <param name="bias">The int32 bias, one per output channel, or null.</param>
    /// <param name="channels">The number of output channels.</param>
    /// <param name="depth">The values each output channel sums (per group for a grouped convolution).</param>
    /// <param name="withCorrection">Whether the kernel needs the zero-point correction (the GEMM kernels do, the direct convolution does not).</param>
    public static QuantizedLayerParameters Of(NodeContext node, TensorRef x, TensorRef weights, TensorRef? bias, long channels, long depth, bool withCorrection)
    {
        var layer = QuantizedLayer.Of(node, x, weights, bias, channels);
        bool signed = layer.Signed;
        long xZeroPoint = layer.XZeroPoint;
        var multiplier = new ConstantTable(DataType.Int32, layer.Multipliers.ToEquatableArray());
        var shift = new ConstantTable(DataType.Int32, layer.Shifts.ToEquatableArray());
        var tables = new List<CHelper> { multiplier, shift };
        string correction = "NULL";
        if (withCorrection)
        {
            var w = node.RequireConstantInput(1, "the weights W").Span<sbyte>();
            long flipped = signed ? xZeroPoint + 128 : xZeroPoint;
            var values = new long[channels];
            for (int m = 0; m < channels; m++)
            {
                long sum = 0;
                foreach (sbyte value in w.Slice((int)(m * depth), (int)depth))
                {
                    sum += value;
                }
                values[m] = unchecked((int)(flipped * sum));
            }
            var table = new ConstantTable(DataType.Int32, values.ToEquatableArray());
            tables.Add(table);
            correction = table.Name;
        }
        string argument = "&(const aidge_qparams){"
            + $".x_zero_point = {CLiteral.Int(xZeroPoint)}, .x_signed = {(signed ? 1 : 0)}, "
            + $".bias = {bias?.Read ?? "NULL"}, .correction = {correction}, .multiplier = {multiplier.Name}, .shift = {shift.Name}, "
            + $".y_zero_point = {CLiteral.Int(layer.YZeroPoint)}, .y_min = {CLiteral.Int(layer.YMin)}, .y_max = {CLiteral.Int(layer.YMax)}}}";
        return new QuantizedLayerParameters(argument, tables.ToEquatableArray());
    }

    /// <summary>A call of <paramref name="function"/> (an OpenMp/Runtime helper) with these parameters' tables.</summary>
    public KernelCall Call(string function, IEnumerable<string> arguments) =>
        new(new RuntimeHelper(function), arguments.ToEquatableArray()) { Tables = Tables };
}
