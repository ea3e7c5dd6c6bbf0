using System.Globalization;
using Aidge.Passes.Pruning;

namespace Aidge.Compiler.Compilation;

/// <summary>
/// Parses <c>--prune RATIO[;NODE=RATIO...]</c> (the <c>Prune</c> metadata): the model-wide fraction of weights (or
/// channels) to remove, then overrides by node name, e.g. <c>0.5;conv1=0.3;fc=0</c>. The model-wide ratio may be left
/// out (<c>conv1=0.5</c> prunes conv1 only). A ratio is in [0, 1): pruning every weight of a layer is never useful.
/// A node name may hold '=' (the last one splits), but not ';'.
/// </summary>
public static class PruneOption
{
    public static PruningSettings? TryParse(string text, PruneMode mode, out string? error)
    {
        double? global = null;
        var perLayer = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = entry.LastIndexOf('=');
            string name = equals < 0 ? "" : entry[..equals].Trim();
            string ratioText = equals < 0 ? entry : entry[(equals + 1)..].Trim();
            if (!double.TryParse(ratioText, NumberStyles.Float, CultureInfo.InvariantCulture, out double ratio) || !(ratio >= 0 && ratio < 1))
            {
                error = $"--prune: '{ratioText}' in '{entry}' is not a ratio in [0, 1) (the fraction of weights to remove, e.g. 0.5).";
                return null;
            }
            if (equals < 0 ? global is not null : name.Length == 0 || perLayer.ContainsKey(name))
            {
                error = equals < 0
                    ? $"--prune: '{text}' gives the model-wide ratio twice; write RATIO;NODE=RATIO;..."
                    : $"--prune: '{entry}' needs a node name before '=' and each node once.";
                return null;
            }
            if (equals < 0)
            {
                global = ratio;
            }
            else
            {
                perLayer[name] = ratio;
            }
        }
        if (global is null && perLayer.Count == 0)
        {
            error = $"--prune: '{text}' gives no ratio; write RATIO[;NODE=RATIO...], e.g. 0.5;conv1=0.3.";
            return null;
        }
        error = null;
        return new PruningSettings(global ?? 0, perLayer, mode);
    }
}
