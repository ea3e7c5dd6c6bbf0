using Aidge.Core.Operators.Image;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Image;

/// <summary>
/// Resize and Upsample as separable resampling: one pass per resized axis (in double precision, as the ONNX
/// reference computes), each output row a weighted sum of a few input rows, so inner loops run over
/// contiguous trailing elements.
/// </summary>
[Kernel("Resize", SinceVersion = 10)]
[Kernel("Upsample", SinceVersion = 7, LastVersion = 9)]
public sealed class ResizeKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var sampling = ResizeSampling.Plan(context.Node, context.Schema, context.OpsetVersion, x.Dims, context.OptionalInput);
        var dims = (long[])x.Dims.Clone();
        var input = ValuesAs<T>(x);
        var data = new double[input.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = double.CreateTruncating(input[i]);
        }
        var outside = new bool[x.Rank][];
        for (int axis = 0; axis < x.Rank; axis++)
        {
            if (sampling.Taps[axis] is not { } taps)
            {
                continue;
            }
            int outputLength = (int)sampling.OutputDims[axis];
            data = Resample(data, dims, axis, taps, outputLength);
            dims[axis] = outputLength;
            outside[axis] = taps.Outside;
        }
        Extrapolate(data, dims, outside, sampling.Settings.ExtrapolationValue);
        var result = new T[data.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = T.CreateTruncating(data[i]);
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), dims, result));
    }

    /// <summary>Resamples one axis of a [outer, length, inner] buffer.</summary>
    private static double[] Resample(double[] data, long[] dims, int axis, ResamplingTaps taps, int outputLength)
    {
        long inner = 1;
        for (int i = axis + 1; i < dims.Length; i++)
        {
            inner *= dims[i];
        }
        int length = (int)dims[axis];
        long outer = length * inner == 0 ? 0 : data.Length / (length * inner);
        int n = (int)inner;
        var result = new double[outer * outputLength * inner];
        for (long b = 0; b < outer; b++)
        {
            var source = data.AsSpan((int)(b * length * inner), (int)(length * inner));
            for (int o = 0; o < outputLength; o++)
            {
                var target = result.AsSpan((int)((b * outputLength + o) * inner), n);
                for (int t = 0; t < taps.TapCount; t++)
                {
                    double weight = taps.Weights[o * taps.TapCount + t];
                    if (weight != 0)
                    {
                        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(source.Slice(taps.Indices[o * taps.TapCount + t] * n, n), weight, target, target);
                    }
                }
            }
        }
        return result;
    }

    /// <summary>tf_crop_and_resize: an output whose source lies outside the input on any axis takes the extrapolation value.</summary>
    private static void Extrapolate(double[] data, long[] dims, bool[]?[] outside, double value)
    {
        if (outside.All(o => o is null || !o.Contains(true)))
        {
            return;
        }
        var index = new long[dims.Length];
        for (int k = 0; k < data.Length; k++)
        {
            for (int axis = 0; axis < dims.Length; axis++)
            {
                if (outside[axis]?[index[axis]] == true)
                {
                    data[k] = value;
                    break;
                }
            }
            for (int axis = dims.Length - 1; axis >= 0 && ++index[axis] == dims[axis]; axis--)
            {
                index[axis] = 0;
            }
        }
    }
}
