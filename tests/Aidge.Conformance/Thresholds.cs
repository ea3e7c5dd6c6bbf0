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

    /// <summary>The line holding the minimum number of cases passed through the CUDA kernels run in emulation on the CPU (all folders together).</summary>
    public const string CudaEmulatedKey = "cuda-emulated";

    /// <summary>
    /// The line holding the minimum number of cases passed through the CUDA kernels built with nvcc and run on a GPU
    /// (all folders together). Absent until a GPU run has measured it; the emulated line stands in until then.
    /// </summary>
    public const string CudaGpuKey = "cuda-gpu";

    /// <summary>The line holding the minimum number of cases passed through the HLS target's C simulation (all folders together).</summary>
    public const string HlsKey = "hls";

    /// <summary>The line holding the minimum number of cases passed through fixed-point HLS designs within their stated error bounds (all folders together).</summary>
    public const string HlsFixedKey = "hls-fixed";

    public static IReadOnlyDictionary<string, int> Load(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "thresholds.txt");
}
