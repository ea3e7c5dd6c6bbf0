using System.Collections;

namespace Aidge.Core.Tensors;

/// <summary>
/// The shape of a tensor value: a fixed rank whose dims may be known, symbolic or unknown.
/// A value whose rank is unknown has no Shape at all (null).
/// </summary>
public sealed class Shape : IReadOnlyList<Dim>, IEquatable<Shape>
{
    private readonly Dim[] dims;

    public Shape(IEnumerable<Dim> dims) => this.dims = dims.ToArray();

    public Shape(params long[] dims) => this.dims = dims.Select(Dim.Of).ToArray();

    public static Shape Scalar { get; } = new(Array.Empty<long>());

    /// <summary>A shape of the given rank with every dim unknown.</summary>
    public static Shape OfRank(int rank) => new(Enumerable.Repeat(Dim.Unknown, rank));

    public int Rank => dims.Length;

    public int Count => dims.Length;

    public Dim this[int index] => dims[index];

    /// <summary>True when every dim has a known size.</summary>
    public bool IsStatic => dims.All(d => d.IsKnown);

    /// <summary>The known sizes; throws when a dim is not known. Check <see cref="IsStatic"/> first.</summary>
    public long[] ToArray() => dims.Select(d => d.Value ?? throw new InvalidOperationException($"Shape {this} is not static.")).ToArray();

    /// <summary>The element count when every dim is known.</summary>
    public long? ElementCount => IsStatic ? dims.Aggregate(1L, (n, d) => n * d.Value!.Value) : null;

    public IEnumerator<Dim> GetEnumerator() => ((IEnumerable<Dim>)dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => dims.GetEnumerator();

    public bool Equals(Shape? other) => other is not null && dims.AsSpan().SequenceEqual(other.dims);

    public override bool Equals(object? obj) => Equals(obj as Shape);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in dims)
        {
            hash.Add(d);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(",", dims) + "]";
}
