using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Pruning;

/// <summary>The checks both pruning passes make on the user's ratios before touching the graph.</summary>
public static class PruningRatios
{
    /// <summary>
    /// The settings of the context, after checking every ratio is in [0, 1] (else AIDGE2030) and warning (AIDGE2031)
    /// about per-layer ratios that name no node, which usually means a typo or a node a fusion pass renamed.
    /// </summary>
    public static PruningSettings Checked(Graph graph, PassContext context)
    {
        var settings = context.Pruning ?? new PruningSettings(0, new Dictionary<string, double>(), PruneMode.Unstructured);
        foreach (var (layer, ratio) in settings.PerLayer.Prepend(new(string.Empty, settings.Ratio)))
        {
            if (!(ratio >= 0 && ratio <= 1))
            {
                string what = layer.Length == 0 ? "The pruning ratio" : $"The pruning ratio of layer '{layer}'";
                throw new AidgeException(DiagnosticCodes.InvalidPruneRatio,
                    $"{what} is {ratio}; give a fraction of weights to remove between 0 and 1 (Prune=\"0.5;conv1=0.3\").", context.ModelFile);
            }
        }
        var names = graph.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string layer in settings.PerLayer.Keys.Where(k => !names.Contains(k)).Order(StringComparer.Ordinal))
        {
            context.Diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.PruneLayerNotFound,
                $"The pruning ratio for layer '{layer}' names no node of the model, so it applies nowhere; check the name against the model's node names.",
                context.ModelFile));
        }
        return settings;
    }
}
