using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Pruning;

/// <summary>
/// Structured pruning (<c>PruneMode="channel"</c>): removes whole output channels of Conv and Gemm layers, the ones with
/// the smallest L1 norm of their weights, and rewrites every node their output reaches so the graph really gets
/// smaller (fewer parameters, fewer MACs, smaller activations). Layers whose channels are coupled (the two sides of a
/// residual Add, a convolution and the depthwise one after it) are pruned together, ranked by the sum of their norms,
/// at the smallest ratio among them. A layer whose channels reach something that cannot be rewritten (a Concat, a
/// Reshape, a graph output...) is left as it is, and the result says why.
/// </summary>
public sealed class ChannelPruningPass : IPass
{
    public string Name => PipelineBuilder.ChannelPruning;

    public string Description => "Removes the lowest-L1 output channels of Conv/Gemm layers and rewrites their consumers (BatchNormalization, activations, pools, depthwise and next convolutions, Flatten → Gemm).";

    public PassResult Run(Graph graph, PassContext context)
    {
        var settings = PruningRatios.Checked(graph, context);
        var notes = new List<string>();
        var handled = new HashSet<Node>();
        int groups = 0;
        long channels = 0;
        var savings = new ChannelRemovalSavings(0, 0);
        foreach (var node in graph.Nodes.ToList())
        {
            if (handled.Contains(node) || !ChannelGroupFinder.IsSource(node, context))
            {
                continue;
            }
            var group = ChannelGroupFinder.Find(graph, node, context);
            handled.UnionWith(group.Sources.Append(node));
            double ratio = group.Sources.Append(node).Min(s => settings.RatioFor(s.Name));
            long remove = Math.Min((long)Math.Floor(ratio * group.Channels), group.Channels - 1);
            string layers = Describe(group.Sources.Append(node).Distinct().ToList());
            if (remove <= 0)
            {
                continue;
            }
            if (group.Failure is not null)
            {
                notes.Add($"Skipped {layers}: {group.Failure}.");
                continue;
            }
            var keep = Ranking.KeepStrongest(group, context, group.Channels - remove);
            var saved = ChannelRemoval.Apply(graph, group, keep, context);
            groups++;
            channels += remove;
            savings = new ChannelRemovalSavings(savings.Parameters + saved.Parameters, savings.Bytes + saved.Bytes);
            notes.Add($"{layers}: removed {remove} of {group.Channels} channels ({saved.Parameters} parameters).");
        }
        if (groups > 0)
        {
            notes.Add($"Removed {channels} channels in {groups} layer groups: {savings.Parameters} parameters, {savings.Bytes} bytes.");
        }
        return new PassResult(groups, 0, 0, savings.Bytes, notes);
    }

    private static string Describe(IReadOnlyList<Node> layers) =>
        layers.Count == 1 ? layers[0].ToString() : $"{layers[0]} and {layers.Count - 1} coupled layer{(layers.Count > 2 ? "s" : "")}";

    /// <summary>Channel importance: the L1 norm of each channel's weights, summed over the group's sources.</summary>
    private static class Ranking
    {
        public static IReadOnlyList<long> KeepStrongest(ChannelGroup group, PassContext context, long count)
        {
            var importance = new double[group.Channels];
            foreach (var source in group.Sources)
            {
                var norms = TensorSlicing.L1Norms(context.ConstantOf(source.Input(1)!)!, ChannelRemoval.OutputChannelAxis(source));
                for (int c = 0; c < importance.Length; c++)
                {
                    importance[c] += norms[c];
                }
            }
            // Strongest first, the lower index on ties; then back to channel order.
            return Enumerable.Range(0, importance.Length).OrderByDescending(c => importance[c]).ThenBy(c => c)
                .Take((int)count).Order().Select(c => (long)c).ToList();
        }
    }
}
