using System.Globalization;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Inspection;

/// <summary>Values given on the command line (<c>--dim NAME=VALUE</c>) for the model's symbolic input dimensions.</summary>
public sealed class DimBindings
{
    private readonly Dictionary<string, long> values;

    private DimBindings(Dictionary<string, long> values) => this.values = values;

    public IReadOnlyDictionary<string, long> Values => values;

    /// <summary>Parses <c>NAME=VALUE</c> pairs; null with an error message when one is malformed or repeated.</summary>
    public static DimBindings? TryParse(IEnumerable<string> pairs, out string? error)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string pair in pairs)
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0
                || !long.TryParse(pair.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long value)
                || !values.TryAdd(pair[..equals], value))
            {
                error = $"--dim expects NAME=VALUE with a non-negative integer VALUE and each NAME once, got '{pair}'.";
                return null;
            }
        }
        error = null;
        return new DimBindings(values);
    }

    /// <summary>Replaces the bound symbolic dims of the graph's runtime inputs; returns the names that matched none.</summary>
    public IReadOnlyList<string> ApplyTo(Graph graph)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in graph.RuntimeInputs)
        {
            if (input.Type is TensorType { Shape: { } shape } type)
            {
                input.Type = type with { Shape = new Shape(shape.Select(d => Bind(d, used))) };
            }
        }
        return values.Keys.Where(name => !used.Contains(name)).Order(StringComparer.Ordinal).ToList();
    }

    private Dim Bind(Dim dim, HashSet<string> used)
    {
        if (dim.Symbol is { } symbol && values.TryGetValue(symbol, out long value))
        {
            used.Add(symbol);
            return Dim.Of(value);
        }
        return dim;
    }
}
