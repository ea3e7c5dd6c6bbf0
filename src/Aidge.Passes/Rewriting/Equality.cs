using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Passes.Rewriting;

/// <summary>Exact equality of data and attributes, for merging duplicates: same element type, dims and bits.</summary>
public static class Equality
{
    public static bool SameTensor(Tensor a, Tensor b) =>
        a.Type == b.Type && a.Dims.AsSpan().SequenceEqual(b.Dims)
        && (a.Type == DataType.String ? a.Strings.SequenceEqual(b.Strings, StringComparer.Ordinal) : a.Bytes.Span.SequenceEqual(b.Bytes.Span));

    /// <summary>A hash of the type, dims and first bytes: cheap, and equal for equal tensors.</summary>
    public static int TensorHash(Tensor tensor)
    {
        var hash = new HashCode();
        hash.Add(tensor.Type);
        foreach (long d in tensor.Dims)
        {
            hash.Add(d);
        }
        hash.AddBytes(tensor.Bytes.Span[..Math.Min(tensor.Bytes.Length, 64)]);
        return hash.ToHashCode();
    }

    /// <summary>
    /// Whether two nodes have the same attributes. Floats compare by bits (NaN equals NaN, -0 differs from 0), so
    /// merging never changes a result. Subgraphs are never equal: they are not compared.
    /// </summary>
    public static bool SameAttributes(Node a, Node b) =>
        a.Attributes.Count == b.Attributes.Count
        && a.Attributes.All(x => b.FindAttribute(x.Name) is { } y && x.Kind == y.Kind && x.ReferencedAttribute == y.ReferencedAttribute && SameAttributeValue(x.Value, y.Value));

    private static bool SameAttributeValue(object x, object y) => (x, y) switch
    {
        (float f, float g) => BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits(g),
        (long i, long j) => i == j,
        (string s, string t) => string.Equals(s, t, StringComparison.Ordinal),
        (float[] f, float[] g) => f.Select(BitConverter.SingleToInt32Bits).SequenceEqual(g.Select(BitConverter.SingleToInt32Bits)),
        (long[] i, long[] j) => i.SequenceEqual(j),
        (string[] s, string[] t) => s.SequenceEqual(t, StringComparer.Ordinal),
        (Tensor s, Tensor t) => SameTensor(s, t),
        (Tensor[] s, Tensor[] t) => s.Length == t.Length && s.Zip(t).All(p => SameTensor(p.First, p.Second)),
        (IrType s, IrType t) => s.Equals(t),
        (IrType[] s, IrType[] t) => s.SequenceEqual(t),
        _ => false,
    };
}
