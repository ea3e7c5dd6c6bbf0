using System.Numerics;
using Aidge.Core.Tensors;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>What a floating-point pooling operator computes from the taps of one window.</summary>
internal interface IWindowReducer
{
    double Reduce<T>(ReadOnlySpan<T> plane, ReadOnlySpan<int> taps, int paddedCount)
        where T : unmanaged, IFloatingPoint<T>;
}

/// <summary>Runs a window reducer over every (batch, channel) plane and output position (float and double).</summary>
internal static class WindowReduction
{
    public static Tensor Run<TReducer>(Tensor x, PoolingWindows windows, TReducer reducer, string opType)
        where TReducer : struct, IWindowReducer => x.Type switch
        {
            DataType.Float => Run<float, TReducer>(x, windows, reducer),
            DataType.Double => Run<double, TReducer>(x, windows, reducer),
            _ => throw new NotSupportedException($"{opType} does not support {x.Type.OnnxName()} tensors."),
        };

    private static Tensor Run<T, TReducer>(Tensor x, PoolingWindows windows, TReducer reducer)
        where T : unmanaged, IFloatingPoint<T>
        where TReducer : struct, IWindowReducer
    {
        int planes = (int)(x.Dims[0] * x.Dims[1]);
        var y = Tensor.Create(x.Type, [x.Dims[0], x.Dims[1], .. windows.Output]);
        var input = x.Span<T>();
        var output = y.Span<T>();
        int inputSize = windows.InputSize;
        int outputSize = windows.OutputSize;
        for (int plane = 0; plane < planes; plane++)
        {
            var source = input.Slice(plane * inputSize, inputSize);
            for (int o = 0; o < outputSize; o++)
            {
                output[plane * outputSize + o] = T.CreateTruncating(reducer.Reduce(source, windows.Taps(o), windows.PaddedCount(o)));
            }
        }
        return y;
    }
}
