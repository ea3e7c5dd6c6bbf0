namespace Aidge.Core.Operators.Einsum;

/// <summary>
/// A parsed Einsum equation with every axis of every operand given a label: letters are their character
/// code, the axes an ellipsis stands for get negative labels aligned from the right (numpy broadcasting).
/// Shared by shape inference and the simulator.
/// </summary>
public sealed class EinsumEquation
{
    private EinsumEquation(int[][] operands, int[] output)
    {
        Operands = operands;
        Output = output;
    }

    /// <summary>The label of each axis of each operand.</summary>
    public IReadOnlyList<int[]> Operands { get; }

    /// <summary>The label of each output axis.</summary>
    public int[] Output { get; }

    public static EinsumEquation Parse(string equation, IReadOnlyList<int> ranks)
    {
        string compact = new(equation.Where(c => !char.IsWhiteSpace(c)).ToArray());
        int arrow = compact.IndexOf("->", StringComparison.Ordinal);
        string inputs = arrow < 0 ? compact : compact[..arrow];
        var terms = inputs.Split(',');
        if (terms.Length != ranks.Count)
        {
            throw new ArgumentException($"Equation '{equation}' has {terms.Length} operands, the node has {ranks.Count} inputs.");
        }
        int ellipsisRank = 0;
        var operands = new int[terms.Length][];
        for (int i = 0; i < terms.Length; i++)
        {
            int letters = terms[i].Replace("...", string.Empty, StringComparison.Ordinal).Length;
            bool hasEllipsis = terms[i].Contains("...", StringComparison.Ordinal);
            int covered = hasEllipsis ? ranks[i] - letters : 0;
            if (covered < 0 || (!hasEllipsis && letters != ranks[i]))
            {
                throw new ArgumentException($"Term '{terms[i]}' does not match an input of rank {ranks[i]}.");
            }
            ellipsisRank = Math.Max(ellipsisRank, covered);
            operands[i] = Labels(terms[i], covered);
        }
        int[] output;
        if (arrow >= 0)
        {
            output = Labels(compact[(arrow + 2)..], ellipsisRank);
            var known = operands.SelectMany(o => o).ToHashSet();
            if (output.Any(l => !known.Contains(l)) || output.Distinct().Count() != output.Length)
            {
                throw new ArgumentException($"Output of '{equation}' repeats a label or uses one no input has.");
            }
        }
        else
        {
            // Implicit output: the broadcast axes, then the letters used exactly once, in alphabetical order.
            var once = operands.SelectMany(o => o).Where(l => l > 0).GroupBy(l => l).Where(g => g.Count() == 1).Select(g => g.Key).Order();
            output = Enumerable.Range(0, ellipsisRank).Select(EllipsisLabel(ellipsisRank)).Concat(once).ToArray();
        }
        return new EinsumEquation(operands, output);
    }

    private static Func<int, int> EllipsisLabel(int ellipsisRank) => j => -(ellipsisRank - j);

    /// <summary>Labels of one term; its ellipsis covers <paramref name="covered"/> axes, the last of which is label -1.</summary>
    private static int[] Labels(string term, int covered)
    {
        var labels = new List<int>();
        for (int i = 0; i < term.Length; i++)
        {
            if (string.CompareOrdinal(term, i, "...", 0, 3) == 0)
            {
                labels.AddRange(Enumerable.Range(0, covered).Select(EllipsisLabel(covered)));
                i += 2;
            }
            else if (char.IsAsciiLetter(term[i]))
            {
                labels.Add(term[i]);
            }
            else
            {
                throw new ArgumentException($"Unexpected '{term[i]}' in Einsum term '{term}'.");
            }
        }
        return labels.ToArray();
    }
}
