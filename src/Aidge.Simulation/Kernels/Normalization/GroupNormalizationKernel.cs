using System.Numerics.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>
/// GroupNormalization over [N, C, D1...]: each (instance, group) block is standardized, then every channel is
/// scaled and shifted. Opset 18 gives scale and bias per group, opset 21 per channel.
/// </summary>
[Kernel("GroupNormalization", SinceVersion = 18)]
public sealed class GroupNormalizationKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank < 2)
        {
            throw new ArgumentException($"GroupNormalization needs an input of rank 2 or more, got rank {x.Rank}.");
        }
        int batch = (int)x.Dims[0];
        int channels = (int)x.Dims[1];
        int groups = checked((int)context.GetInt("num_groups"));
        if (groups <= 0 || channels % groups != 0)
        {
            throw new ArgumentException($"num_groups {groups} does not divide the {channels} channels.");
        }
        int spatial = batch * channels == 0 ? 0 : x.Length / (batch * channels);
        int channelsPerGroup = channels / groups;
        // Opset 18 scales per group: channel c uses the entry of its group.
        int scaleDivisor = context.OpsetVersion < 21 ? channelsPerGroup : 1;
        var scale = ValuesAs<T>(context.Input(1));
        var bias = ValuesAs<T>(context.Input(2));
        if (scale.Length != channels / scaleDivisor || bias.Length != channels / scaleDivisor)
        {
            throw new ArgumentException($"scale and bias need {channels / scaleDivisor} elements, got {scale.Length} and {bias.Length}.");
        }
        T epsilon = T.CreateTruncating(context.GetFloat("epsilon"));
        ReadOnlySpan<T> input = x.Span<T>();
        var y = new T[x.Length];
        int groupLength = channelsPerGroup * spatial;
        for (int block = 0; block < batch * groups && groupLength > 0; block++)
        {
            RowStandardization.Standardize(input.Slice(block * groupLength, groupLength), y.AsSpan(block * groupLength, groupLength), epsilon, center: true);
        }
        for (int plane = 0; plane < batch * channels; plane++)
        {
            int c = plane % channels / scaleDivisor;
            var values = y.AsSpan(plane * spatial, spatial);
            TensorPrimitives.Multiply(values, scale[c], values);
            TensorPrimitives.Add(values, bias[c], values);
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), x.Dims, y));
    }
}
