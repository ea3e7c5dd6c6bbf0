using System.Globalization;

namespace Aidge.Export.C;

/// <summary>C spellings of constants: exact float round-trips, 64-bit integers, and C99 compound literals for small tables.</summary>
public static class CLiteral
{
    public static string Float(float value) => float.IsNaN(value) ? "NAN"
        : float.IsPositiveInfinity(value) ? "INFINITY"
        : float.IsNegativeInfinity(value) ? "(-INFINITY)"
        : WithPoint(value.ToString("R", CultureInfo.InvariantCulture)) + "f";

    public static string Double(double value) => double.IsNaN(value) ? "NAN"
        : double.IsPositiveInfinity(value) ? "INFINITY"
        : double.IsNegativeInfinity(value) ? "(-INFINITY)"
        : WithPoint(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>An int64 constant; the minimum value is spelled as an expression because its literal would overflow.</summary>
    public static string Int(long value) => value == long.MinValue ? "INT64_MIN" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A table of int64 values as a C99 compound literal, so a call can pass shapes and strides inline.</summary>
    public static string Int64Array(IEnumerable<long> values)
    {
        var list = values.ToList();
        // C forbids empty initializer lists in C99; a rank-0 table is never read, a single zero keeps it valid.
        return $"(const int64_t[]){{{(list.Count == 0 ? "0" : string.Join(", ", list.Select(Int)))}}}";
    }

    public static string FloatArray(IEnumerable<float> values)
    {
        var list = values.ToList();
        return $"(const float[]){{{(list.Count == 0 ? "0" : string.Join(", ", list.Select(Float)))}}}";
    }

    private static string WithPoint(string number) =>
        number.Contains('.') || number.Contains('E') || number.Contains('e') ? number : number + ".0";
}
