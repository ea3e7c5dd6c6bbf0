using Aidge.Core.Graphs;

namespace Aidge.Passes.Pruning;

/// <summary>A layer that reads the group's channels as its input channels, each channel a block of rows of its weight.</summary>
public sealed record ChannelReader(Node Node, long BlockSize);

/// <summary>
/// Layers whose output channels are coupled: they all write the same channel axis, because their outputs meet in an
/// elementwise node (a residual Add) or flow through nodes that keep channels (BatchNormalization, activations, pools,
/// depthwise convolutions). Removing channel c removes it from every source at once, slices the parameters of every
/// node on the way, and removes the matching input channels (or rows) of every reader.
/// </summary>
public sealed class ChannelGroup
{
    /// <summary>The channel count on axis 1 of every value of the group.</summary>
    public long Channels { get; init; }

    /// <summary>Conv/Gemm layers whose output channels these are.</summary>
    public List<Node> Sources { get; } = new();

    /// <summary>BatchNormalizations on the way: scale, bias, mean and variance lose the channel.</summary>
    public List<Node> Normalizations { get; } = new();

    /// <summary>Depthwise convolutions on the way: one filter (and bias) per channel, and the group count.</summary>
    public List<Node> Depthwise { get; } = new();

    /// <summary>Layers that read the channels as input channels.</summary>
    public List<ChannelReader> Readers { get; } = new();

    /// <summary>Values whose shape changes: the channel-carrying ones and Flatten outputs.</summary>
    public List<Value> Reshaped { get; } = new();

    /// <summary>Why the group cannot be pruned, or null.</summary>
    public string? Failure { get; set; }
}
