using System.Globalization;
using Aidge.Core.Tensors;

namespace Aidge.Conformance;

/// <summary>Compares a simulator result with the expected value of a case; returns why they differ, or null.</summary>
public static class ValueComparer
{
    public static string? Difference(string name, object? expected, object? actual, Tolerance tolerance)
    {
        switch (expected)
        {
            case Tensor e when actual is Tensor a:
                return TensorDifference(name, e, a, tolerance);
            case TensorSequence e when actual is TensorSequence a:
                if (e.Count != a.Count)
                {
                    return $"'{name}': sequence of {a.Count} tensors, expected {e.Count}";
                }
                return e.Zip(a).Select((pair, i) => TensorDifference($"{name}[{i}]", pair.First, pair.Second, tolerance)).FirstOrDefault(d => d is not null);
            case OptionalNone when actual is OptionalNone or null:
                return null;
            default:
                return $"'{name}': got {Describe(actual)}, expected {Describe(expected)}";
        }
    }

    private static string? TensorDifference(string name, Tensor expected, Tensor actual, Tolerance tolerance)
    {
        if (expected.Type != actual.Type)
        {
            return $"'{name}': element type {actual.Type.OnnxName()}, expected {expected.Type.OnnxName()}";
        }
        if (!expected.Dims.AsSpan().SequenceEqual(actual.Dims))
        {
            return $"'{name}': shape [{string.Join(",", actual.Dims)}], expected [{string.Join(",", expected.Dims)}]";
        }
        if (expected.Type == DataType.String)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                if (!string.Equals(expected.Strings[i], actual.Strings[i], StringComparison.Ordinal))
                {
                    return $"'{name}'[{i}]: \"{actual.Strings[i]}\", expected \"{expected.Strings[i]}\"";
                }
            }
            return null;
        }
        int mismatches = 0;
        string? first = null;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected.GetDouble(i);
            double a = actual.GetDouble(i);
            if (!tolerance.Accepts(e, a))
            {
                mismatches++;
                first ??= $"'{name}'[{i}] = {a.ToString("R", CultureInfo.InvariantCulture)}, expected {e.ToString("R", CultureInfo.InvariantCulture)}";
            }
        }
        return first is null ? null : $"{first} ({mismatches} of {expected.Length} elements differ)";
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        Tensor t => t.ToString(),
        TensorSequence s => $"sequence of {s.Count}",
        OptionalNone => "empty optional",
        _ => value.GetType().Name,
    };
}
