using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Aidge.Export.Plan;

namespace Aidge.Export.Toolchain;

/// <summary>The probe's figures (name → value, SI units, see Probe/aidge_machine_probe.c), or why there are none.</summary>
public sealed record ProbeOutcome(IReadOnlyDictionary<string, double>? Figures, string Cpu, string Compiler, string? Failure, bool FromCache);

/// <summary>
/// Measures the build machine for the cost model: compiles a small C program (the exporter's own GEMM, convolution
/// and pooling helpers followed by Probe/aidge_machine_probe.c) with the generated library's compiler and flags, runs
/// it, and keeps its output in a cache file keyed by the CPU model, the compiler (path and version), the flags, the
/// thread count and the probe's source, so a build measures once per machine and toolchain (about a second) and
/// again only when one of those changes.
/// </summary>
public static class MachineProbe
{
    /// <summary>The runtime helpers the probe times, with what they need pasted before them.</summary>
    private static readonly string[] TimedHelpers = ["aidge_conv_gemm_f32", "aidge_gemm_f32", "aidge_pool_f32"];

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The version of the probe's figures and of what they mean, in the cache file's name: a cached descriptor of an
    /// older probe (version 1 kept best-of-trials figures; version 2 keeps medians, with the best beside them) is
    /// measured again rather than read. The key's hash covers the probe's source too; the version says it plainly.
    /// Version 3: the best trials again, the medians beside them ("name_median"), and the convolution on all threads.
    /// </summary>
    public const int FormatVersion = 3;

    /// <summary>The probe's complete C source.</summary>
    public static string Source()
    {
        // -std=c99 hides nanosleep (the pause between the probe's rounds) unless POSIX is asked for before any header.
        var text = new StringBuilder("#define _POSIX_C_SOURCE 199309L\n");
        foreach (string header in new[] { "math.h", "stdint.h", "stdio.h", "stdlib.h", "string.h", "omp.h" })
        {
            text.Append("#include <").Append(header).Append(">\n");
        }
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (string helper in TimedHelpers)
        {
            Append(new RuntimeHelper(helper));
        }
        using var stream = typeof(MachineProbe).Assembly.GetManifestResourceStream("Aidge.Export.Toolchain.Probe.aidge_machine_probe.c")
            ?? throw new InvalidOperationException("The machine probe's source is not embedded.");
        using var reader = new StreamReader(stream);
        return text.Append(reader.ReadToEnd()).ToString();

        void Append(CHelper helper)
        {
            if (!written.Add(helper.Name))
            {
                return;
            }
            foreach (var need in helper.Needs)
            {
                Append(need);
            }
            text.Append(helper.Code()).Append('\n');
        }
    }

    /// <summary>The figures for this machine: from the cache when it holds them, else measured now (and cached).</summary>
    /// <param name="cacheFolder">Where probe results are kept (see <see cref="DefaultCacheFolder"/>).</param>
    public static ProbeOutcome Measure(CCompiler compiler, string optimize, string cacheFolder) =>
        Measure(compiler, optimize, cacheFolder, LoadAverage());

    /// <summary>As <see cref="Measure(CCompiler, string, string)"/>, with the machine's load given (tests fix it).</summary>
    /// <param name="load">The one-minute load average now; null where unknown.</param>
    public static ProbeOutcome Measure(CCompiler compiler, string optimize, string cacheFolder, double? load)
    {
        string cpu = CpuModel();
        string version = CompilerVersion(compiler.Path);
        string source = Source();
        string flags = string.Join(' ', NativeBuild.ProgramArguments("probe.c", "probe", optimize));
        string cache = LastLevelCacheBytes().ToString(CultureInfo.InvariantCulture);
        string key = string.Join('\n', FormatVersion.ToString(CultureInfo.InvariantCulture), cpu, compiler.Path, version, flags, Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), cache, source);
        string cacheFile = Path.Combine(cacheFolder, $"machine-probe-v{FormatVersion}-{Hash(key)}.txt");
        if (File.Exists(cacheFile) && Parse(File.ReadAllText(cacheFile)) is { } cached && !Overloaded(cached, load))
        {
            return new ProbeOutcome(cached, cpu, version, null, FromCache: true);
        }
        var work = Directory.CreateTempSubdirectory("aidge-probe-");
        try
        {
            File.WriteAllText(Path.Combine(work.FullName, "probe.c"), source);
            string program = OperatingSystem.IsWindows() ? "probe.exe" : "probe";
            var build = CompilerRun.Run(compiler.Path, NativeBuild.ProgramArguments("probe.c", program, optimize), work.FullName, NativeBuild.Timeout);
            if (!build.Succeeded)
            {
                return new ProbeOutcome(null, cpu, version, $"the probe did not compile: {build.Summary(4)}", FromCache: false);
            }
            var run = CompilerRun.Run(Path.Combine(work.FullName, program), [cache], work.FullName, RunTimeout);
            // The load the figures were measured under, so that a later build can tell an overloaded measurement.
            string loadLine = load is { } l ? $"load_average {l.ToString("R", CultureInfo.InvariantCulture)}\n" : "";
            string output = run.Messages.ReplaceLineEndings("\n").TrimEnd('\n') + "\n" + loadLine;
            if (!run.Succeeded || Parse(output) is not { } figures)
            {
                return new ProbeOutcome(null, cpu, version, $"the probe did not run (exit code {run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none: timed out"})", FromCache: false);
            }
            Directory.CreateDirectory(cacheFolder);
            string temporary = cacheFile + $".{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, output);
            // Several builds may probe at once: each writes its own file and the last move wins, whole.
            File.Move(temporary, cacheFile, overwrite: true);
            return new ProbeOutcome(figures, cpu, version, null, FromCache: false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Whether cached figures were measured on an overloaded machine (load average above twice the cores) that is no
    /// longer so: with every core taken, not even a kernel's best trial has its core to itself, so such figures
    /// describe that load, not the machine, and are measured again. While the machine stays overloaded they are kept (measuring again would find the same load).
    /// </summary>
    public static bool Overloaded(IReadOnlyDictionary<string, double> cached, double? load)
    {
        double limit = 2.0 * Environment.ProcessorCount;
        // Figures cached without a load (another OS) are kept.

        return cached.TryGetValue("load_average", out double then) && then > limit && load is { } now && now <= limit;
    }

    /// <summary>The one-minute load average (Linux: /proc/loadavg), or null where the OS does not give it.</summary>
    public static double? LoadAverage()
    {
        const string file = "/proc/loadavg";
        try
        {
            return File.Exists(file) && double.TryParse(File.ReadAllText(file).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>AIDGE_CACHE_DIR, else the user's cache folder (XDG_CACHE_HOME or ~/.cache; LocalApplicationData on Windows), under aidge/.</summary>
    public static string DefaultCacheFolder()
    {
        if (Environment.GetEnvironmentVariable("AIDGE_CACHE_DIR") is { Length: > 0 } explicitFolder)
        {
            return explicitFolder;
        }
        string root = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "aidge");
    }

    /// <summary>The CPU's model name (Linux: /proc/cpuinfo), else the architecture.</summary>
    public static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            foreach (string line in File.ReadLines(cpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        return $"{RuntimeInformation.ProcessArchitecture} CPU".ToLowerInvariant();
    }

    /// <summary>The largest CPU cache of core 0 (Linux: /sys/devices/system/cpu), else 1 MiB.</summary>
    public static long LastLevelCacheBytes()
    {
        const string caches = "/sys/devices/system/cpu/cpu0/cache";
        long largest = 0;
        if (Directory.Exists(caches))
        {
            foreach (string index in Directory.GetDirectories(caches, "index*"))
            {
                string sizeFile = Path.Combine(index, "size");
                string text = File.Exists(sizeFile) ? File.ReadAllText(sizeFile).Trim() : "";
                long scale = text.EndsWith('K') ? 1024 : text.EndsWith('M') ? 1024 * 1024 : 1;
                if (long.TryParse(text.TrimEnd('K', 'M'), NumberStyles.None, CultureInfo.InvariantCulture, out long size))
                {
                    largest = Math.Max(largest, size * scale);
                }
            }
        }
        return largest > 0 ? largest : 1 << 20;
    }

    /// <summary>"name value" lines; null unless every value parses and the figures are there.</summary>
    public static IReadOnlyDictionary<string, double>? Parse(string output)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string line in output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                return null;
            }
            figures[parts[0]] = value;
        }
        return figures.ContainsKey("checksum") ? figures : null;
    }

    private static string CompilerVersion(string compiler)
    {
        var result = CompilerRun.Run(compiler, ["--version"], Path.GetTempPath(), TimeSpan.FromSeconds(30));
        string first = result.Messages.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.Length > 0 ? first.Trim() : Path.GetFileName(compiler);
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16].ToLowerInvariant();
}
