using System.Globalization;
using Aidge.Conformance;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Benchmarks;

/// <summary>How the benchmark's lines judge and word a contender's outputs against ONNX Runtime's, and its times.</summary>
internal static class Comparison
{
    /// <summary>Elementwise |actual − expected| ≤ tolerance + tolerance·|expected|.</summary>
    private const double Tolerance = 1e-3;

    public static IReadOnlyList<string> Differences(IReadOnlyList<Tensor> expected, IReadOnlyList<Tensor> actual) =>
        OracleComparison.Differences(expected, actual, new Tolerance(Tolerance, Tolerance));

    public static string Describe(IReadOnlyList<string> differences) => differences.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"outputs agree within {Tolerance:0e0}")
        : $"OUTPUTS DIFFER: {string.Join("; ", differences)}";

    /// <summary>Milliseconds from one up, microseconds below.</summary>
    public static string Duration(double milliseconds) => milliseconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F1} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{milliseconds * 1000:F1} µs");
}
