using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Pruning;

/// <summary>
/// Finds the <see cref="ChannelGroup"/> of a layer: every value that carries its output channels, walked forward through
/// consumers and backward through producers (the other side of a residual Add brings its own sources), and what each
/// node on the way needs. Stops at the first node it cannot rewrite (a Concat, a Reshape, a graph output, a graph input
/// joining the channels...) and says why.
/// </summary>
public sealed class ChannelGroupFinder
{
    private readonly Graph graph;
    private readonly PassContext context;
    private readonly ChannelGroup group;
    private readonly Queue<Value> pending = new();
    private readonly HashSet<Value> seen = new();
    private readonly HashSet<Node> keeping = new();

    private ChannelGroupFinder(Graph graph, PassContext context, long channels)
    {
        this.graph = graph;
        this.context = context;
        group = new ChannelGroup { Channels = channels };
    }

    /// <summary>The group of <paramref name="source"/>'s output channels (it must be a source: <see cref="IsSource"/>).</summary>
    public static ChannelGroup Find(Graph graph, Node source, PassContext context)
    {
        var output = source.Output(0)!;
        long channels = output.Shape is { IsStatic: true, Rank: >= 2 } shape ? shape[1].Value!.Value : 0;
        var finder = new ChannelGroupFinder(graph, context, channels);
        if (channels == 0)
        {
            finder.group.Failure = $"the shape of '{output.Name}' is not static";
            return finder.group;
        }
        finder.Enqueue(output);
        while (finder.group.Failure is null && finder.pending.TryDequeue(out var value))
        {
            finder.Visit(value);
        }
        return finder.group;
    }

    /// <summary>A Conv (one group) or Gemm with constant weights and bias: its output channels can be removed.</summary>
    public static bool IsSource(Node node, PassContext context) =>
        ((PrunableLayers.IsConv(node) && node.GetInt("group", 1) == 1) || (PrunableLayers.IsGemm(node) && node.Output(0)?.Shape?.Rank == 2))
        && Constant(node, 1, context) && (node.Input(2) is null || Constant(node, 2, context)) && node.Outputs.Count(o => o is not null) == 1;

    private void Visit(Value value)
    {
        if (graph.Outputs.Contains(value))
        {
            Fail($"its channels reach graph output '{value.Name}'");
        }
        else if (value.Shape is not { IsStatic: true, Rank: >= 2 } shape || shape[1].Value != group.Channels)
        {
            Fail($"'{value.Name}' does not have a static shape with {group.Channels} channels on axis 1");
        }
        else
        {
            group.Reshaped.Add(value);
            Explain(value);
            foreach (var consumer in value.Consumers.Distinct().ToList())
            {
                Follow(consumer, value);
            }
        }
    }

    /// <summary>Backward: the producer of a channel-carrying value is a source or keeps channels from its own inputs.</summary>
    private void Explain(Value value)
    {
        if (value.Producer is not { } producer)
        {
            Fail($"'{value.Name}' is a graph input or a constant that shares its channels");
        }
        else if (IsSource(producer, context))
        {
            group.Sources.Add(producer);
        }
        else if (!KeepsChannels(producer))
        {
            Fail($"'{value.Name}' comes from {producer}, which channel pruning cannot rewrite");
        }
    }

    /// <summary>Forward: every reader of a channel-carrying value keeps its channels, reads them as input channels, or is a Flatten before a classifier.</summary>
    private void Follow(Node consumer, Value value)
    {
        bool onlyFirst = consumer.Inputs.Select((v, i) => (v, i)).Where(p => p.v == value).All(p => p.i == 0);
        if (PrunableLayers.IsJoin(consumer))
        {
            if (!KeepsChannels(consumer))
            {
                Fail($"{consumer} joins '{value.Name}' with a tensor of another shape");
            }
        }
        else if (onlyFirst && KeepsChannels(consumer))
        {
            return;
        }
        else if (onlyFirst && IsChannelReader(consumer))
        {
            group.Readers.Add(new ChannelReader(consumer, 1));
        }
        else if (onlyFirst && PrunableLayers.IsFlatten(consumer))
        {
            FollowFlatten(consumer, value);
        }
        else
        {
            Fail($"'{value.Name}' is read by {consumer}, which channel pruning cannot rewrite");
        }
    }

    /// <summary>
    /// Flatten at axis 1 turns each channel into a block of H·W columns; the layers reading them (Gemm, MatMul) lose
    /// those rows of their weight.
    /// </summary>
    private void FollowFlatten(Node flatten, Value input)
    {
        var output = flatten.Output(0)!;
        int rank = input.Shape!.Rank;
        if (ShapeMath.NormalizeAxis(flatten.GetInt("axis", 1), rank) != 1)
        {
            Fail($"{flatten} does not flatten at the channel axis");
            return;
        }
        if (graph.Outputs.Contains(output))
        {
            Fail($"its channels reach graph output '{output.Name}'");
            return;
        }
        long block = input.Shape.ToArray().Skip(2).Aggregate(1L, (p, d) => p * d);
        foreach (var reader in output.Consumers.Distinct())
        {
            if (!reader.Inputs.Select((v, i) => (v, i)).Where(p => p.v == output).All(p => p.i == 0) || !IsChannelReader(reader))
            {
                Fail($"'{output.Name}' is read by {reader}, which channel pruning cannot rewrite");
                return;
            }
            group.Readers.Add(new ChannelReader(reader, block));
        }
        group.Reshaped.Add(output);
    }

    /// <summary>Conv (one group), Gemm (A not transposed) or MatMul with a constant 2-D weight: input channels are weight slices.</summary>
    private bool IsChannelReader(Node node) =>
        Constant(node, 1, context) && (
            (PrunableLayers.IsConv(node) && node.GetInt("group", 1) == 1)
            || (PrunableLayers.IsGemm(node) && node.GetInt("transA", 0) == 0)
            || (PrunableLayers.IsMatMul(node) && node.Input(0)?.Shape?.Rank == 2 && context.ConstantOf(node.Input(1)!)!.Rank == 2));

    /// <summary>
    /// Nodes whose output channels are their input channels, one for one; records the parameters they need sliced and
    /// queues the values on both sides.
    /// </summary>
    private bool KeepsChannels(Node node)
    {
        if (keeping.Contains(node))
        {
            return true;
        }
        if (node.Outputs.Count(o => o is not null) != 1 || node.Output(0) is null)
        {
            return false;
        }
        if (PrunableLayers.IsJoin(node))
        {
            return KeepsChannelsInJoin(node);
        }
        bool parametersConstant = node.Inputs.Skip(1).All(v => v is null || context.ConstantOf(v) is not null);
        if (!parametersConstant)
        {
            return false;
        }
        if (PrunableLayers.IsBatchNormalization(node))
        {
            group.Normalizations.Add(node);
        }
        else if (IsDepthwise(node))
        {
            group.Depthwise.Add(node);
        }
        else if (!PrunableLayers.IsUnary(node) && !PrunableLayers.IsPool(node))
        {
            return false;
        }
        keeping.Add(node);
        Enqueue(node.Input(0)!);
        Enqueue(node.Output(0)!);
        return true;
    }

    /// <summary>Every non-constant input of the output's shape carries the channels; constants must be single values.</summary>
    private bool KeepsChannelsInJoin(Node node)
    {
        var shape = node.Output(0)!.Shape;
        foreach (var input in node.Inputs.OfType<Value>())
        {
            if (context.ConstantOf(input) is { } constant ? constant.Length != 1 : !Equals(input.Shape, shape))
            {
                return false;
            }
        }
        keeping.Add(node);
        foreach (var input in node.Inputs.OfType<Value>().Where(v => context.ConstantOf(v) is null))
        {
            Enqueue(input);
        }
        Enqueue(node.Output(0)!);
        return true;
    }

    /// <summary>A convolution with one filter per channel (groups = channels, multiplier 1): channel c in, channel c out.</summary>
    private bool IsDepthwise(Node node) =>
        PrunableLayers.IsConv(node) && node.GetInt("group", 1) == group.Channels && group.Channels > 1
        && context.ConstantOf(node.Input(1)!) is { Rank: >= 2 } weight && weight.Dims[0] == group.Channels && weight.Dims[1] == 1;

    private void Enqueue(Value value)
    {
        if (seen.Add(value))
        {
            pending.Enqueue(value);
        }
    }

    private void Fail(string why) => group.Failure ??= why;

    private static bool Constant(Node node, int index, PassContext context) => node.Input(index) is { } value && context.ConstantOf(value) is not null;
}
