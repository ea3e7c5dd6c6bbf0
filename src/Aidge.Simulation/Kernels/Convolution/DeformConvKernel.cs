using Aidge.Core.Operators.Convolution;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Linear;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Convolution;

/// <summary>
/// DeformConv as one GEMM per (image, group), like Conv: the column matrix (C/group·k × output positions) holds
/// the deformed, masked bilinear samples instead of plain im2col patches.
/// </summary>
[Kernel("DeformConv", SinceVersion = 19)]
public sealed class DeformConvKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var offsetTensor = context.Input(2);
        var biasTensor = context.OptionalInput(3);
        var maskTensor = context.OptionalInput(4);
        int rank = x.Rank - 2;
        if (rank < 1 || w.Rank != x.Rank)
        {
            throw new ArgumentException($"DeformConv needs X and W of the same rank (3 or more), got {x} and {w}.");
        }
        var window = SlidingWindow.FromNode(context.Node, context.GetInts("kernel_shape") ?? w.Dims[2..]);
        int batch = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        int outputChannels = (int)w.Dims[0];
        int group = checked((int)context.GetInt("group"));
        int offsetGroups = checked((int)context.GetInt("offset_group"));
        if (group <= 0 || offsetGroups <= 0 || channels % group != 0 || outputChannels % group != 0
            || channels % offsetGroups != 0 || w.Dims[1] != channels / group || !w.Dims[2..].SequenceEqual(window.Kernel))
        {
            throw new ArgumentException($"DeformConv with group {group} and offset_group {offsetGroups}: X {x} and W {w} do not agree.");
        }
        long[] image = x.Dims[2..];
        var output = new long[rank];
        var padBegin = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            (output[i], padBegin[i], _) = window.Resolve(i, image[i]);
        }
        var taps = new DeformableTaps<T>(image, window.Kernel, output, window.Strides, window.Dilations, padBegin, offsetGroups);
        int kernelSize = taps.KernelSize;
        int positions = taps.PositionCount;
        CheckPlanes(offsetTensor, "offset", batch, offsetGroups * kernelSize * rank, output);
        if (maskTensor is not null)
        {
            CheckPlanes(maskTensor, "mask", batch, offsetGroups * kernelSize, output);
        }
        if (biasTensor is not null && biasTensor.Length != outputChannels)
        {
            throw new ArgumentException($"DeformConv bias has {biasTensor.Length} values for {outputChannels} output channels.");
        }

        ReadOnlySpan<T> input = x.Span<T>();
        ReadOnlySpan<T> weights = ValuesAs<T>(w);
        ReadOnlySpan<T> offsets = ValuesAs<T>(offsetTensor);
        ReadOnlySpan<T> masks = maskTensor is null ? default : ValuesAs<T>(maskTensor);
        ReadOnlySpan<T> bias = biasTensor is null ? default : ValuesAs<T>(biasTensor);
        int imageSize = (int)Tensor.ElementCountOf(image);
        int groupChannels = channels / group;
        int groupOutputs = outputChannels / group;
        int channelsPerOffsetGroup = channels / offsetGroups;
        int depth = groupChannels * kernelSize;
        var columns = new T[depth * positions];
        var y = new T[batch * outputChannels * positions];
        int offsetPlanes = offsetGroups * kernelSize * rank * positions;
        int maskPlanes = offsetGroups * kernelSize * positions;
        for (int n = 0; n < batch; n++)
        {
            taps.Compute(offsets.Slice(n * offsetPlanes, offsetPlanes), masks.IsEmpty ? default : masks.Slice(n * maskPlanes, maskPlanes));
            for (int g = 0; g < group; g++)
            {
                for (int local = 0; local < groupChannels; local++)
                {
                    int channel = g * groupChannels + local;
                    var plane = input.Slice((n * channels + channel) * imageSize, imageSize);
                    int firstSample = channel / channelsPerOffsetGroup * kernelSize * positions;
                    var rows = columns.AsSpan(local * kernelSize * positions, kernelSize * positions);
                    for (int s = 0; s < rows.Length; s++)
                    {
                        rows[s] = taps.Sample(plane, firstSample + s);
                    }
                }
                var groupOutput = y.AsSpan((n * outputChannels + g * groupOutputs) * positions, groupOutputs * positions);
                for (int m = 0; m < groupOutputs && !bias.IsEmpty; m++)
                {
                    groupOutput.Slice(m * positions, positions).Fill(bias[g * groupOutputs + m]);
                }
                MatrixProduct.Multiply(groupOutputs, positions, depth, weights.Slice(g * groupOutputs * depth, groupOutputs * depth), depth, false,
                    columns, positions, false, groupOutput, positions, T.One, bias.IsEmpty ? T.Zero : T.One);
            }
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), [batch, outputChannels, .. output], y));
    }

    private static void CheckPlanes(Tensor tensor, string name, int batch, int planes, long[] output)
    {
        if (tensor.Rank != output.Length + 2 || tensor.Dims[0] != batch || tensor.Dims[1] != planes || !tensor.Dims[2..].SequenceEqual(output))
        {
            throw new ArgumentException($"DeformConv {name} must be [{batch},{planes},{string.Join(",", output)}], got {tensor}.");
        }
    }
}
