using System.Text.Json;

namespace Aidge.Conformance;

/// <summary>The suite's comparison rule: |actual − expected| ≤ atol + rtol·|expected|, unless a case's data.json says otherwise.</summary>
public sealed record Tolerance(double Rtol, double Atol)
{
    public static Tolerance Default { get; } = new(1e-3, 1e-7);

    public static Tolerance ForCase(string caseDirectory)
    {
        string path = Path.Combine(caseDirectory, "data.json");
        if (!File.Exists(path))
        {
            return Default;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        double rtol = root.TryGetProperty("rtol", out var r) ? r.GetDouble() : Default.Rtol;
        double atol = root.TryGetProperty("atol", out var a) ? a.GetDouble() : Default.Atol;
        return new Tolerance(rtol, atol);
    }

    public bool Accepts(double expected, double actual) =>
        (double.IsNaN(expected) && double.IsNaN(actual))
        || expected == actual
        || Math.Abs(actual - expected) <= Atol + Rtol * Math.Abs(expected);
}
