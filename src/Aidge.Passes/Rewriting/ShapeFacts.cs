using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Passes.Rewriting;

/// <summary>What the passes may conclude about shapes and permutations from what inference knows.</summary>
public static class ShapeFacts
{
    /// <summary>
    /// True only when both shapes are known to be the same: equal ranks and, dim by dim, equal values or the same
    /// symbol. Two unknown dims prove nothing.
    /// </summary>
    public static bool SameShape(Shape? a, Shape? b) =>
        a is not null && b is not null && a.Rank == b.Rank
        && a.Zip(b).All(p => p.First.IsKnown ? p.First.Value == p.Second.Value : p.First.Symbol is not null && p.First.Symbol == p.Second.Symbol);

    /// <summary>A Transpose's permutation: its perm attribute, else the reversal of the input's dims (null when the rank is unknown).</summary>
    public static long[]? Permutation(Node transpose)
    {
        if (transpose.GetInts("perm") is { } perm)
        {
            return perm;
        }
        return transpose.Input(0)?.Shape is { } shape ? Enumerable.Range(0, shape.Rank).Reverse().Select(i => (long)i).ToArray() : null;
    }

    public static bool IsIdentity(IReadOnlyList<long> permutation) => permutation.Select((p, i) => p == i).All(same => same);

    /// <summary>The permutation of Transpose(inner) followed by Transpose(outer): output dim j is input dim inner[outer[j]].</summary>
    public static long[] Compose(IReadOnlyList<long> inner, IReadOnlyList<long> outer) => outer.Select(j => inner[(int)j]).ToArray();

    /// <summary>Whether the shape is static with no zero dim (so it can be a Reshape target without allowzero).</summary>
    public static bool IsStaticNonEmpty(Shape? shape) => shape is { IsStatic: true } && shape.All(d => d.Value > 0);
}
