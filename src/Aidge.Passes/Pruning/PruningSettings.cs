namespace Aidge.Passes.Pruning;

/// <summary>How pruning removes weights: single weights by magnitude, or whole output channels.</summary>
public enum PruneMode
{
    Unstructured,
    Channel,
}

/// <summary>
/// The <c>Prune</c> / <c>PruneMode</c> item metadata: the fraction of weights (or channels) to remove, with
/// per-layer overrides keyed by node name (<c>Prune="0.5;conv1=0.3"</c>).
/// </summary>
public sealed record PruningSettings(double Ratio, IReadOnlyDictionary<string, double> PerLayer, PruneMode Mode)
{
    /// <summary>The ratio for one node: its override, else the model-wide ratio.</summary>
    public double RatioFor(string nodeName) => PerLayer.TryGetValue(nodeName, out double ratio) ? ratio : Ratio;
}
