using Aidge.Core.Operators;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.Kernels.Quantization;

/// <summary>
/// Which scale and zero point each element of a QuantizeLinear / DequantizeLinear input uses, as the C helpers walk
/// it: <c>outer</c> blocks of <c>channels</c> runs of <c>inner</c> elements, run c using entry c. A per-tensor scale
/// (a scalar or a single value) is one channel; a 1-D scale is one entry per index along <c>axis</c>. Blocked scales
/// (block_size, opset 21) are not supported.
/// </summary>
public sealed record QuantizationAxis(long Outer, long Channels, long Inner)
{
    public static QuantizationAxis Of(NodeContext node, TensorRef data, TensorRef scale)
    {
        if (scale.ElementCount == 1 && scale.Rank <= 1)
        {
            return new QuantizationAxis(1, 1, data.ElementCount);
        }
        if (scale.Rank != 1 || node.GetInt("block_size") > 0)
        {
            throw node.Unsupported($"a scale of shape [{string.Join(",", scale.Dims)}] (blocked quantization) is not supported; use a per-tensor or per-axis scale");
        }
        int axis = ShapeMath.NormalizeAxis(node.GetInt("axis"), data.Rank);
        if (data.Dims[axis] != scale.Dims[0])
        {
            throw node.Unsupported($"the scale has {scale.Dims[0]} values for axis {axis} of size {data.Dims[axis]}");
        }
        long outer = data.Dims.Take(axis).Aggregate(1L, (p, d) => p * d);
        long inner = data.Dims.Skip(axis + 1).Aggregate(1L, (p, d) => p * d);
        return new QuantizationAxis(outer, scale.Dims[0], inner);
    }

    public IEnumerable<string> Arguments => [CLiteral.Int(Outer), CLiteral.Int(Channels), CLiteral.Int(Inner)];
}
