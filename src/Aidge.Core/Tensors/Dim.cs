namespace Aidge.Core.Tensors;

/// <summary>
/// One dimension of a <see cref="Shape"/>: a known size, a named symbol (<c>batch</c>), or unknown.
/// </summary>
public readonly record struct Dim
{
    private Dim(long? value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The size when it is known.</summary>
    public long? Value { get; }

    /// <summary>The symbol when the size is only known by name.</summary>
    public string? Symbol { get; }

    public bool IsKnown => Value.HasValue;

    public static Dim Unknown => default;

    public static Dim Of(long value) => new(value, null);

    public static Dim Named(string symbol) => new(null, symbol);

    public static implicit operator Dim(long value) => Of(value);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}
