using Aidge.Core.Operators;
using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// Col2Im: adds every column of [N, C·K, L] back into the image, where K is the block size and L the number of
/// block positions (in row-major order); overlapping blocks sum, and block parts that fall in the padding vanish.
/// </summary>
[Kernel("Col2Im", SinceVersion = 18)]
public sealed class Col2ImKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var input = context.Input(0);
        var image = context.Input(1).ToInt64Array();
        var block = context.Input(2).ToInt64Array();
        if (input.Rank != 3 || image.Length != block.Length)
        {
            throw new ArgumentException($"Col2Im needs an [N, C·K, L] input and image and block shapes of one rank, not {input}, [{string.Join(",", image)}] and [{string.Join(",", block)}].");
        }
        int blockSize = checked((int)Tensor.ElementCountOf(block));
        int positions = (int)input.Dims[2];
        if (blockSize == 0 || input.Dims[1] % blockSize != 0)
        {
            throw new ArgumentException($"Col2Im input dim 1 ({input.Dims[1]}) is not a multiple of the block size {blockSize}.");
        }
        var offsets = ImageOffsets(SlidingWindow.FromNode(context.Node, block), image, positions);
        long channels = input.Dims[1] / blockSize;
        long[] dims = [input.Dims[0], channels, .. image];
        int imageSize = checked((int)Tensor.ElementCountOf(image));
        var columns = ValuesAs<T>(input);
        var result = new T[Tensor.ElementCountOf(dims)];
        for (int plane = 0; plane < input.Dims[0] * channels; plane++)
        {
            var target = result.AsSpan(plane * imageSize, imageSize);
            var source = columns.Slice(plane * blockSize * positions, blockSize * positions);
            for (int i = 0; i < offsets.Length; i++)
            {
                if (offsets[i] >= 0)
                {
                    target[offsets[i]] += source[i];
                }
            }
        }
        context.SetOutput(0, TensorOf<T>(input.Type, dims, result));
    }

    /// <summary>
    /// For each (block element k, block position l), in the input's k·L + l order, the flat image offset it adds
    /// to, or −1 when it lands in the padding.
    /// </summary>
    private static int[] ImageOffsets(SlidingWindow window, long[] image, int positions)
    {
        int rank = image.Length;
        var counts = new long[rank];
        var padBegins = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            (counts[i], padBegins[i], _) = window.Resolve(i, image[i]);
        }
        if (Tensor.ElementCountOf(counts) != positions)
        {
            throw new ArgumentException($"Col2Im has {positions} block positions, but the image and block shapes give {Tensor.ElementCountOf(counts)}.");
        }
        var imageStrides = ShapeMath.Strides(image);
        int blockSize = (int)Tensor.ElementCountOf(window.Kernel);
        var offsets = new int[blockSize * positions];
        var element = new long[rank];
        var position = new long[rank];
        for (int k = 0; k < blockSize; k++)
        {
            Unravel(k, window.Kernel, element);
            for (int l = 0; l < positions; l++)
            {
                Unravel(l, counts, position);
                long offset = 0;
                for (int i = 0; i < rank && offset >= 0; i++)
                {
                    long x = (position[i] * window.Strides[i]) - padBegins[i] + (element[i] * window.Dilations[i]);
                    offset = x >= 0 && x < image[i] ? offset + (x * imageStrides[i]) : -1;
                }
                offsets[(k * positions) + l] = (int)offset;
            }
        }
        return offsets;
    }

    private static void Unravel(long index, long[] dims, long[] coordinates)
    {
        for (int i = dims.Length - 1; i >= 0; i--)
        {
            coordinates[i] = index % dims[i];
            index /= dims[i];
        }
    }
}
