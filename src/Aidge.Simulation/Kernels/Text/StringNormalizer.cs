using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Text;

/// <summary>
/// StringNormalizer: keeps the strings of a [C] or [1, C] tensor that are not stop words (compared ordinally,
/// ignoring case unless <c>is_case_sensitive</c>), then maps their case culture-invariantly. When nothing
/// survives the output is one empty string, as the spec asks.
/// </summary>
[Kernel("StringNormalizer", SinceVersion = 10)]
public sealed class StringNormalizerKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        if (input.Rank is not (1 or 2) || input.Rank == 2 && input.Dims[0] != 1)
        {
            throw new ArgumentException($"StringNormalizer takes a [C] or [1, C] tensor, not {input}.");
        }
        var comparer = context.GetInt("is_case_sensitive") != 0 ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var stopwords = new HashSet<string>(context.Node.GetStrings("stopwords") ?? [], comparer);
        string action = context.GetString("case_change_action");
        var kept = new List<string>(input.Length);
        foreach (string word in input.Strings)
        {
            if (!stopwords.Contains(word))
            {
                kept.Add(action switch
                {
                    "LOWER" => word.ToLowerInvariant(),
                    "UPPER" => word.ToUpperInvariant(),
                    _ => word,
                });
            }
        }
        if (kept.Count == 0)
        {
            kept.Add(string.Empty);
        }
        long[] dims = input.Rank == 1 ? [kept.Count] : [1, kept.Count];
        context.SetOutput(0, Tensor.FromStrings(dims, [.. kept]));
    }
}
