using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// Which scale / zero point each element of a QuantizeLinear or DequantizeLinear input uses: one for the whole
/// tensor (scalar scale), one per index along an axis (1-D scale), or one per block of block_size indices along
/// the axis (scale of the input's rank).
/// </summary>
internal static class QuantizationGranularity
{
    public static int[] ParameterIndices(long[] dims, long[] scaleDims, long axisAttribute, long blockSize)
    {
        int count = (int)Tensor.ElementCountOf(dims);
        var result = new int[count];
        if (Tensor.ElementCountOf(scaleDims) == 1 && scaleDims.Length <= 1)
        {
            return result;
        }
        int axis = ShapeMath.NormalizeAxis(axisAttribute, dims.Length);
        long inner = Tensor.ElementCountOf(dims.AsSpan(axis + 1));
        if (scaleDims.Length == 1 && blockSize <= 0)
        {
            if (scaleDims[0] != dims[axis])
            {
                throw new ArgumentException($"A per-axis scale of {scaleDims[0]} values does not match axis {axis} of [{string.Join(",", dims)}].");
            }
            for (int i = 0; i < count; i++)
            {
                result[i] = (int)(i / inner % dims[axis]);
            }
            return result;
        }
        return Blocked(dims, scaleDims, axis, blockSize);
    }

    private static int[] Blocked(long[] dims, long[] scaleDims, int axis, long blockSize)
    {
        if (blockSize <= 0 || scaleDims.Length != dims.Length)
        {
            throw new ArgumentException($"A scale of shape [{string.Join(",", scaleDims)}] needs block_size > 0 and the input's rank {dims.Length}.");
        }
        for (int d = 0; d < dims.Length; d++)
        {
            long expected = d == axis ? (dims[d] + blockSize - 1) / blockSize : dims[d];
            if (scaleDims[d] != expected)
            {
                throw new ArgumentException($"A blocked scale of shape [{string.Join(",", scaleDims)}] does not match input [{string.Join(",", dims)}] with block_size {blockSize} on axis {axis}.");
            }
        }
        var scaleStrides = ShapeMath.Strides(scaleDims);
        var result = new int[(int)Tensor.ElementCountOf(dims)];
        var index = new long[dims.Length];
        for (int i = 0; i < result.Length; i++)
        {
            long offset = 0;
            for (int d = 0; d < dims.Length; d++)
            {
                offset += (d == axis ? index[d] / blockSize : index[d]) * scaleStrides[d];
            }
            result[i] = (int)offset;
            Odometer.Advance(index, dims);
        }
        return result;
    }
}
