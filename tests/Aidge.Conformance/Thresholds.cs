namespace Aidge.Conformance;

/// <summary>
/// The minimum number of passing cases per folder, kept in <c>thresholds.txt</c>. Raise it as support grows;
/// never lower it to make a run pass.
/// </summary>
public static class Thresholds
{
    /// <summary>The line holding the minimum number of cases passed through the OpenMP C target (all folders together).</summary>
    public const string OpenMpKey = "openmp";

    /// <summary>The line holding the minimum number of cases whose CUDA device code compiled to PTX (all folders together).</summary>
    public const string CudaPtxKey = "cuda-ptx";

    public static IReadOnlyDictionary<string, int> Load(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "thresholds.txt");
}
