using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Pruning;

/// <summary>What removing channels took out of the model's constants.</summary>
public readonly record struct ChannelRemovalSavings(long Parameters, long Bytes);

/// <summary>
/// Rewrites a <see cref="ChannelGroup"/> to keep only some of its channels: the sources' filters and biases, the
/// parameters on the way, the readers' input channels; then resets the types of the values whose shape changed so
/// shape inference recomputes them.
/// </summary>
public sealed class ChannelRemoval
{
    private readonly Graph graph;
    private readonly PassContext context;
    private long parameters;
    private long bytes;

    private ChannelRemoval(Graph graph, PassContext context)
    {
        this.graph = graph;
        this.context = context;
    }

    /// <summary>Keeps the channels listed in <paramref name="keep"/> (ascending) and removes the others.</summary>
    public static ChannelRemovalSavings Apply(Graph graph, ChannelGroup group, IReadOnlyList<long> keep, PassContext context)
    {
        var removal = new ChannelRemoval(graph, context);
        foreach (var source in group.Sources)
        {
            removal.Slice(source, 1, OutputChannelAxis(source), keep);
            if (source.Input(2) is { } bias && context.ConstantOf(bias) is { Rank: > 0 } data && data.Dims[^1] == group.Channels)
            {
                // A Gemm bias of one value (or one per row) broadcasts over the channels and stays.
                removal.Slice(source, 2, data.Rank - 1, keep);
            }
        }
        foreach (var normalization in group.Normalizations)
        {
            for (int i = 1; i <= 4; i++)
            {
                removal.Slice(normalization, i, 0, keep);
            }
        }
        foreach (var depthwise in group.Depthwise)
        {
            removal.Slice(depthwise, 1, 0, keep);
            if (depthwise.Input(2) is not null)
            {
                removal.Slice(depthwise, 2, 0, keep);
            }
            depthwise.SetAttribute(NodeAttribute.Of("group", (long)keep.Count));
        }
        foreach (var reader in group.Readers)
        {
            var rows = keep.SelectMany(c => Enumerable.Range(0, (int)reader.BlockSize).Select(j => c * reader.BlockSize + j)).ToList();
            removal.Slice(reader.Node, 1, InputChannelAxis(reader.Node), rows);
        }
        foreach (var value in group.Reshaped)
        {
            value.Type = null;
        }
        return new ChannelRemovalSavings(removal.parameters, removal.bytes);
    }

    /// <summary>The axis of a source's weight that indexes output channels: Conv W[M, C, ...] and Gemm B[N, K] (transB) or B[K, N].</summary>
    public static int OutputChannelAxis(Node source) => PrunableLayers.IsGemm(source) && source.GetInt("transB", 0) == 0 ? 1 : 0;

    /// <summary>The axis of a reader's weight that indexes input channels: Conv W[M, C, ...], Gemm B[K, N] or B[N, K] (transB), MatMul B[K, N].</summary>
    private static int InputChannelAxis(Node reader) =>
        PrunableLayers.IsConv(reader) || (PrunableLayers.IsGemm(reader) && reader.GetInt("transB", 0) != 0) ? 1 : 0;

    private void Slice(Node node, int input, int axis, IReadOnlyList<long> indices)
    {
        var data = context.ConstantOf(node.Input(input)!)!;
        var sliced = TensorSlicing.Keep(data, axis, indices);
        ConstantInputs.Replace(graph, node, input, sliced);
        parameters += data.Length - sliced.Length;
        bytes += data.Bytes.Length - sliced.Bytes.Length;
    }
}
