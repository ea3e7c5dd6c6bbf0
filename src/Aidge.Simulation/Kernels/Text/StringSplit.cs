using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Text;

/// <summary>
/// StringSplit, with Python's <c>str.split</c> semantics: a delimiter separates empty strings too; no (or an
/// empty) delimiter splits on runs of whitespace and drops leading and trailing whitespace. At most
/// <c>maxsplit</c> splits are made; the unsplit rest is the last substring.
/// </summary>
[Kernel("StringSplit", SinceVersion = 20)]
public sealed class StringSplitKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        string delimiter = context.GetString("delimiter");
        int maxSplits = context.Node.FindAttribute("maxsplit") is { } attribute && attribute.AsInt() >= 0
            ? (int)Math.Min(attribute.AsInt(), int.MaxValue)
            : int.MaxValue;
        var pieces = new List<string>[input.Length];
        int width = 0;
        for (int i = 0; i < pieces.Length; i++)
        {
            pieces[i] = delimiter.Length == 0 ? SplitOnWhitespace(input.Strings[i], maxSplits) : SplitOn(input.Strings[i], delimiter, maxSplits);
            width = Math.Max(width, pieces[i].Count);
        }
        var substrings = Tensor.Create(DataType.String, [.. input.Dims, width]);
        var counts = Tensor.Create(DataType.Int64, (long[])input.Dims.Clone());
        for (int i = 0; i < pieces.Length; i++)
        {
            pieces[i].CopyTo(substrings.Strings, i * width);
            counts.Span<long>()[i] = pieces[i].Count;
        }
        context.SetOutput(0, substrings);
        context.SetOutput(1, counts);
    }

    private static List<string> SplitOn(string text, string delimiter, int maxSplits)
    {
        var pieces = new List<string>();
        int start = 0;
        for (int at; pieces.Count < maxSplits && (at = text.IndexOf(delimiter, start, StringComparison.Ordinal)) >= 0; start = at + delimiter.Length)
        {
            pieces.Add(text[start..at]);
        }
        pieces.Add(text[start..]);
        return pieces;
    }

    private static List<string> SplitOnWhitespace(string text, int maxSplits)
    {
        var pieces = new List<string>();
        int position = SkipWhitespace(text, 0);
        while (position < text.Length)
        {
            if (pieces.Count == maxSplits)
            {
                // The rest keeps its trailing whitespace, as in Python.
                pieces.Add(text[position..]);
                break;
            }
            int end = position;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }
            pieces.Add(text[position..end]);
            position = SkipWhitespace(text, end);
        }
        return pieces;
    }

    private static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
        return position;
    }
}
