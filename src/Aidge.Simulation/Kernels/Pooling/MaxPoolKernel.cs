using System.Numerics;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>MaxPool with the optional Indices output (flat indices into X, row- or column-major per storage_order).</summary>
[Kernel("MaxPool", SinceVersion = 1)]
public sealed class MaxPoolKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var windows = PoolingWindows.FromContext(context, x);
        switch (x.Type)
        {
            case DataType.Float:
                Run<float>(context, x, windows);
                break;
            case DataType.Double:
                Run<double>(context, x, windows);
                break;
            case DataType.Int8:
                Run<sbyte>(context, x, windows);
                break;
            case DataType.UInt8:
                Run<byte>(context, x, windows);
                break;
            default:
                throw new NotSupportedException($"MaxPool does not support {x.Type.OnnxName()} tensors.");
        }
    }

    private static void Run<T>(KernelContext context, Tensor x, PoolingWindows windows)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        int planes = (int)(x.Dims[0] * x.Dims[1]);
        long[] dims = [x.Dims[0], x.Dims[1], .. windows.Output];
        var y = Tensor.Create(x.Type, dims);
        var input = x.Span<T>();
        var output = y.Span<T>();
        bool wantIndices = context.HasOutput(1);
        var indices = wantIndices ? Tensor.Create(DataType.Int64, dims) : null;
        var indexSpan = indices is null ? Span<long>.Empty : indices.Span<long>();
        int[]? columnMajor = wantIndices && context.GetInt("storage_order", 0) != 0 ? ColumnMajorOffsets(windows.Input) : null;
        int inputSize = windows.InputSize;
        int outputSize = windows.OutputSize;
        for (int plane = 0; plane < planes; plane++)
        {
            var source = input.Slice(plane * inputSize, inputSize);
            for (int o = 0; o < outputSize; o++)
            {
                T best = T.MinValue;
                int bestOffset = -1;
                foreach (int offset in windows.Taps(o))
                {
                    if (bestOffset < 0 || source[offset] > best)
                    {
                        best = source[offset];
                        bestOffset = offset;
                    }
                }
                output[plane * outputSize + o] = best;
                if (wantIndices)
                {
                    long within = bestOffset < 0 ? 0 : columnMajor is null ? bestOffset : columnMajor[bestOffset];
                    indexSpan[plane * outputSize + o] = (long)plane * inputSize + within;
                }
            }
        }
        context.SetOutput(0, y);
        if (indices is not null)
        {
            context.SetOutput(1, indices);
        }
    }

    /// <summary>For each row-major offset within a plane, the same element's column-major offset (storage_order = 1).</summary>
    private static int[] ColumnMajorOffsets(long[] dims)
    {
        // Gathering the flat indices 0..n-1 with column-major strides reads, at each row-major position, its column-major index.
        var strides = new long[dims.Length];
        long stride = 1;
        for (int d = 0; d < dims.Length; d++)
        {
            strides[d] = stride;
            stride *= dims[d];
        }
        return StridedGather.Gather<int>(Enumerable.Range(0, checked((int)stride)).ToArray(), dims, strides);
    }
}
