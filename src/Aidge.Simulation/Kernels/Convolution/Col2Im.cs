using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// Col2Im: adds every column of [N, C·K, L] back into the image, where K is the block size and L the number of
/// block positions (in row-major order); overlapping blocks sum, and block parts that fall in the padding vanish.
/// This is ConvTranspose's scatter (<see cref="PatchGeometry.Col2ImAdd"/>) with the columns given directly.
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
        var window = SlidingWindow.FromNode(context.Node, block);
        var positions = new long[image.Length];
        var padBegin = new long[image.Length];
        for (int i = 0; i < image.Length; i++)
        {
            (positions[i], padBegin[i], _) = window.Resolve(i, image[i]);
        }
        var geometry = new PatchGeometry(image, positions, block, window.Strides, window.Dilations, padBegin);
        if (geometry.KernelSize == 0 || input.Dims[1] % geometry.KernelSize != 0 || input.Dims[2] != geometry.PositionCount)
        {
            throw new ArgumentException($"Col2Im input {input} does not hold blocks of {geometry.KernelSize} at {geometry.PositionCount} positions.");
        }
        int channels = (int)(input.Dims[1] / geometry.KernelSize);
        long[] dims = [input.Dims[0], channels, .. image];
        var columns = ValuesAs<T>(input);
        var result = new T[Tensor.ElementCountOf(dims)];
        int columnsPerBatch = channels * geometry.KernelSize * geometry.PositionCount;
        int pixelsPerBatch = channels * geometry.ImageSize;
        for (int n = 0; n < input.Dims[0]; n++)
        {
            geometry.Col2ImAdd(columns.Slice(n * columnsPerBatch, columnsPerBatch), channels, result.AsSpan(n * pixelsPerBatch, pixelsPerBatch));
        }
        context.SetOutput(0, TensorOf<T>(input.Type, dims, result));
    }
}
