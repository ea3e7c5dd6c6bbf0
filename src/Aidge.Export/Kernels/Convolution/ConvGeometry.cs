using Aidge.Export.Plan;

namespace Aidge.Export.Kernels.Convolution;

/// <summary>
/// What every target's Conv (and ai.aidge FusedConv) kernel needs to know about a node, read once: its tensors, the
/// channel counts per group (from the weights, [M, C/group, k...]) and the window (<see cref="SpatialWindow"/>).
/// Targets differ only in which kernel they pick and how they spell the call.
/// </summary>
public sealed record ConvGeometry(TensorRef X, TensorRef W, TensorRef? Bias, TensorRef Y, long Group, long OutputChannels, SpatialWindow Window)
{
    public long Batch => X.Dims[0];

    public long InputChannels => X.Dims[1];

    public long InputsPerGroup => InputChannels / Group;

    public long OutputsPerGroup => OutputChannels / Group;

    /// <summary>Weights per output channel: the inputs of its group times the kernel's window.</summary>
    public long Depth => W.Dims.Skip(1).Aggregate(1L, (p, d) => p * d);

    public static ConvGeometry Of(NodeContext node)
    {
        var x = node.Input(0);
        var w = node.Input(1);
        var y = node.Output(0);
        long[] weights = w.Dims.ToArray();
        long[] kernel = node.GetInts("kernel_shape") is { Length: > 0 } k ? k : weights[2..];
        var window = SpatialWindow.Of(node, x.Dims.ToArray(), y.Dims.ToArray(), kernel);
        long group = node.GetInt("group");
        if (group < 1 || x.Dims[1] % group != 0 || weights[0] % group != 0)
        {
            throw node.Unsupported($"group {group} does not divide the {x.Dims[1]} input and {weights[0]} output channels");
        }
        return new ConvGeometry(x, w, node.OptionalInput(2), y, group, weights[0], window);
    }
}
