using Aidge.Core.Operators.Pooling;
using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Pooling;

/// <summary>MaxUnpool: a zero tensor of the unpooled shape with each X element placed at its flat index from I.</summary>
[Kernel("MaxUnpool", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class MaxUnpoolKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var indices = context.Input(1);
        if (!indices.Dims.SequenceEqual(x.Dims))
        {
            throw new ArgumentException($"MaxUnpool indices {indices} must have the shape of X {x}.");
        }
        long[] unpooled = UnpooledDims(context, x);
        long[] output = context.OptionalInput(2)?.ToInt64Array() ?? unpooled;
        var y = Tensor.Create(x.Type, output);
        var targets = TargetIndices(indices, unpooled, output);
        switch (x.Type.SizeOf())
        {
            case 1:
                Scatter<byte>(x, targets, y);
                break;
            case 2:
                Scatter<short>(x, targets, y);
                break;
            case 4:
                Scatter<int>(x, targets, y);
                break;
            case 8:
                Scatter<long>(x, targets, y);
                break;
            default:
                throw new NotSupportedException($"MaxUnpool does not support {x.Type.OnnxName()} tensors.");
        }
        context.SetOutput(0, y);
    }

    /// <summary>The shape MaxPool reduced: (in − 1)·stride + kernel − pads on each spatial axis.</summary>
    private static long[] UnpooledDims(KernelContext context, Tensor x)
    {
        var kernel = context.GetInts("kernel_shape")!;
        if (x.Rank != kernel.Length + 2)
        {
            throw new ArgumentException($"A {kernel.Length}-D kernel needs an input of rank {kernel.Length + 2}, got {x}.");
        }
        return [x.Dims[0], x.Dims[1], .. x.Dims[2..].Select((d, i) => MaxUnpoolFamily.UnpooledSize(context.Node, kernel, i, d))];
    }

    /// <summary>
    /// The indices count in the unpooled shape; an explicit output_shape keeps each element's coordinates and
    /// only adds room at the end of the axes, so every index is re-encoded in the output's strides.
    /// </summary>
    private static int[] TargetIndices(Tensor indices, long[] unpooled, long[] output)
    {
        if (output.Length != unpooled.Length)
        {
            throw new ArgumentException($"output_shape [{string.Join(",", output)}] must have rank {unpooled.Length}.");
        }
        long unpooledCount = Tensor.ElementCountOf(unpooled);
        var result = new int[indices.Length];
        for (int i = 0; i < result.Length; i++)
        {
            long index = indices.GetInt64(i);
            if (index < 0 || index >= unpooledCount)
            {
                throw new ArgumentException($"MaxUnpool index {index} is outside the unpooled shape [{string.Join(",", unpooled)}].");
            }
            long target = 0;
            long stride = 1;
            for (int d = unpooled.Length - 1; d >= 0; d--)
            {
                long coordinate = index % unpooled[d];
                index /= unpooled[d];
                if (coordinate >= output[d])
                {
                    throw new ArgumentException($"output_shape [{string.Join(",", output)}] is smaller than the unpooled shape [{string.Join(",", unpooled)}].");
                }
                target += coordinate * stride;
                stride *= output[d];
            }
            result[i] = (int)target;
        }
        return result;
    }

    /// <summary>Moves elements by their storage size: unpooling copies values and never computes with them.</summary>
    private static void Scatter<T>(Tensor x, int[] targets, Tensor y)
        where T : unmanaged
    {
        var source = x.Span<T>();
        var output = y.Span<T>();
        for (int i = 0; i < source.Length; i++)
        {
            output[targets[i]] = source[i];
        }
    }
}
