using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Linear;

namespace Aidge.Simulation.Kernels.Quantization;

/// <summary>
/// Conversions the quantized operators share: integer tensors to doubles (exact for every type up to 32 bits, so
/// products and sums of shifted values stay exact through the double GEMM), zero-point shifts with numpy
/// broadcasting, and rounding (ties to even) with saturation back to an integer type.
/// </summary>
internal static class QuantizedValues
{
    public static double[] ToDoubles(Tensor tensor) => ElementTypes.Numeric<Widen, double[]>(tensor.Type, new Widen(tensor));

    /// <summary>
    /// x − zero_point as doubles. A 1-D zero point with more than one value lies along <paramref name="vectorAxis"/>
    /// when one is given (a matrix's rows, a weight's output channels); otherwise numpy broadcasting applies.
    /// </summary>
    public static double[] Shifted(Tensor x, Tensor? zeroPoint, int? vectorAxis = null)
    {
        var values = ToDoubles(x);
        if (zeroPoint is null)
        {
            return values;
        }
        var offsets = ToDoubles(zeroPoint);
        var map = BroadcastMap.SourceIndices(AlongAxis(zeroPoint.Dims, vectorAxis, x.Rank), x.Dims);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] -= offsets[map[i]];
        }
        return values;
    }

    /// <summary>The dims of a per-row or per-channel parameter [n] placed on <paramref name="axis"/> of a rank-<paramref name="rank"/> operand: [n, 1, …].</summary>
    public static long[] AlongAxis(long[] parameterDims, int? axis, int rank) =>
        axis is int a && parameterDims.Length == 1 && parameterDims[0] > 1 ? [parameterDims[0], .. Enumerable.Repeat(1L, rank - a - 1)] : parameterDims;

    /// <summary>
    /// The requantization multiplier scale_in · scale_w / scale_out, computed in float32 like the reference
    /// implementation does (the accumulator then multiplies it in double).
    /// </summary>
    public static double Multiplier(double inputScale, double weightScale, double outputScale) =>
        (float)((float)inputScale * (float)weightScale) / (float)outputScale;

    /// <summary>Rounds each value to the nearest integer (ties to even) and saturates it into <paramref name="type"/>.</summary>
    public static Tensor Saturated(DataType type, long[] dims, ReadOnlySpan<double> values)
    {
        var result = Tensor.Create(type, dims);
        ElementTypes.Integer<Narrow, bool>(type, new Narrow(result, values.ToArray()));
        return result;
    }

    private readonly struct Widen(Tensor tensor) : INumericFunction<double[]>
    {
        public double[] Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            var source = tensor.Span<T>();
            var result = new double[source.Length];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = double.CreateTruncating(source[i]);
            }
            return result;
        }
    }

    private readonly struct Narrow(Tensor result, double[] values) : IIntegerFunction<bool>
    {
        public bool Invoke<T>()
            where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        {
            var target = result.Span<T>();
            for (int i = 0; i < values.Length; i++)
            {
                target[i] = T.CreateSaturating(Math.Round(values[i], MidpointRounding.ToEven));
            }
            return true;
        }
    }
}
