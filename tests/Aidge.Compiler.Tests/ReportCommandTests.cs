using System.Globalization;
using System.Text.Json;
using Aidge.Export.Plan;
using Aidge.Export.Toolchain;
using Aidge.Simulation.Cost;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>The report of <c>aidgec compile</c> and <c>aidgec report</c>: files, summary line, measured and predicted latency.</summary>
[TestClass]
public sealed class ReportCommandTests
{
    private string folder = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-report-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static ModelBuilder Classifier() =>
        new ModelBuilder(opset: 13)
            .Input("image", 1, 1, 8, 8)
            .RandomInitializer("w", 0.5f, 4, 1, 3, 3)
            .RandomInitializer("fc", 0.2f, 10, 256)
            .Node("Conv", ["image", "w"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Relu", ["c"], ["r"])
            .Node("Flatten", ["r"], ["f"])
            .Node("Gemm", ["f", "fc"], ["logits"], ("transB", 1L))
            .Output("logits");

    [TestMethod]
    public void ReportCommandWritesTheReportWithoutExporting()
    {
        string model = Save(Classifier(), "m.onnx");
        var (code, output, error) = Run("report", model, "--out", Out);
        Assert.AreEqual(0, code, error);
        Assert.IsTrue(File.Exists(Path.Combine(Out, "report.json")) && File.Exists(Path.Combine(Out, "report.html")));
        Assert.IsFalse(Directory.Exists(Path.Combine(Out, "native")) || File.Exists(Path.Combine(Out, "m.aidge.json")));
        string line = output.Trim();
        // O2 fuses the Relu into the convolution.
        StringAssert.StartsWith(line, "m.onnx: O2 4 → 3 nodes, 2,596 parameters (10.1 KiB), 4,864 MACs, peak ");
        StringAssert.Contains(line, " predicted on ");
        Assert.IsFalse(line.Contains("measured", StringComparison.Ordinal), line);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "report.json")));
        Assert.AreEqual(3, json.RootElement.GetProperty("layers").GetArrayLength());
        Assert.IsFalse(json.RootElement.TryGetProperty("measured", out _));
    }

    [TestMethod]
    public void CompileWritesTheReportWithTheMeasuredLatency()
    {
        string model = Save(Classifier(), "m.onnx");
        var (code, output, error) = Run("compile", model, "--target", "openmp", "--out", Out);
        Assert.AreEqual(0, code, error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "m.aidge.json")));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "report.json")));
        Assert.AreEqual(1, output.Trim().Split('\n').Length, "one summary line per model");
        if (!manifest.RootElement.GetProperty("nativeBuilt").GetBoolean())
        {
            Assert.IsFalse(report.RootElement.TryGetProperty("measured", out _));
            return;
        }
        var measured = report.RootElement.GetProperty("measured");
        Assert.IsTrue(measured.GetProperty("medianSeconds").GetDouble() > 0);
        Assert.IsTrue(measured.GetProperty("runs").GetInt32() >= 5);
        StringAssert.Contains(output, " measured (best ");
    }

    [TestMethod]
    public void NoReportWritesNoReport()
    {
        string model = Save(Classifier(), "m.onnx");
        var (code, output, error) = Run("compile", model, "--target", "openmp", "--out", Out, "--no-native", "--no-report");
        Assert.AreEqual(0, code, error);
        Assert.IsFalse(File.Exists(Path.Combine(Out, "report.json")) || File.Exists(Path.Combine(Out, "report.html")));
        Assert.AreEqual("", output);
    }

    [TestMethod]
    public void CostModelGrainIsTheGeneratedCodes()
    {
        string helper = new RuntimeHelper("aidge_threads_for").Code();
        StringAssert.Contains(helper, $"#define AIDGE_GRAIN {NodeWork.Grain.ToString(CultureInfo.InvariantCulture)}\n");
    }

    [TestMethod]
    public void CostModelRegisterTileIsTheGeneratedCodes()
    {
        // The cost model rounds a product's rows up to whole register tiles of the micro-kernel.
        string helper = new RuntimeHelper("aidge_gemm_micro_f32").Code();
        StringAssert.Contains(helper, $"#define AIDGE_MR {OpClasses.MatrixVectorRows.ToString(CultureInfo.InvariantCulture)}\n");
    }

    [TestMethod]
    public void ProbeMeasuresThisMachineOnceAndCachesIt()
    {
        var compiler = CCompilerLocator.Find(null, out _);
        if (compiler is null)
        {
            Assert.Inconclusive("No C compiler: the machine probe cannot be built here.");
        }
        string cache = Path.Combine(folder, "cache");
        // A fixed load: the cache's reuse must not depend on this machine's load while the test runs.
        double quiet = Environment.ProcessorCount;
        var first = MachineProbe.Measure(compiler!, "O2", cache, quiet);
        Assert.IsNull(first.Failure, first.Failure);
        Assert.IsFalse(first.FromCache);
        foreach (string figure in new[] { "peak_flops_core", "conv0_seconds", "conv1_seconds", "conv2_seconds", "conv_all_seconds", "gemv_flops", "window_ops", "elementwise_ops", "call_seconds", "fork_seconds", "bandwidth_core", "bandwidth_cache" })
        {
            Assert.IsTrue(first.Figures![figure] > 0, figure);
        }
        // The timed figures are the best trials of the rounds, with the median beside them: never worse than the median.
        Assert.IsTrue(first.Figures!["rounds"] > 1);
        Assert.IsTrue(first.Figures["peak_flops_core"] >= first.Figures["peak_flops_core_median"]);
        Assert.IsTrue(first.Figures["conv0_seconds"] <= first.Figures["conv0_seconds_median"]);
        Assert.AreEqual(quiet, first.Figures["load_average"]);
        var second = MachineProbe.Measure(compiler!, "O2", cache, quiet);
        Assert.IsTrue(second.FromCache);
        CollectionAssert.AreEquivalent(first.Figures.ToList(), second.Figures!.ToList());
        string file = Assert.ContainsSingle(Directory.GetFiles(cache));
        StringAssert.Contains(Path.GetFileName(file), $"-v{MachineProbe.FormatVersion}-");
        // Figures measured under an overload are kept while it lasts and measured again once the machine is quieter.
        double overloaded = 4.0 * Environment.ProcessorCount;
        File.WriteAllText(file, File.ReadAllText(file).Replace($"load_average {quiet.ToString("R", CultureInfo.InvariantCulture)}", $"load_average {overloaded.ToString("R", CultureInfo.InvariantCulture)}"));
        Assert.IsTrue(MachineProbe.Measure(compiler!, "O2", cache, overloaded).FromCache);
        var again = MachineProbe.Measure(compiler!, "O2", cache, quiet);
        Assert.IsFalse(again.FromCache);
        Assert.AreEqual(quiet, again.Figures!["load_average"]);
    }

    /// <summary>
    /// The acceptance figures: predicted against measured latency of the generated code on the Digits sample and on the
    /// benchmarks' ResNet-style network (64 channels at 56x56, 5 residual blocks), within issue #4's factor 1.5. Both
    /// sides are the machine undisturbed: the prediction comes from the probe's best trials, and is held to the best
    /// of the library's timed runs. The median run is printed beside it, with the figures for the note: on a shared
    /// machine it moves with the other guests' load, which no model of the hardware predicts. The probe is measured
    /// afresh (a cache folder of the test's own), seconds before the libraries are timed: a descriptor cached an hour
    /// earlier describes the machine of that hour. Alone (no other test of this assembly runs meanwhile), as the
    /// measurements are of the machine.
    /// </summary>
    [TestMethod]
    [DoNotParallelize]
    public void PredictedLatencyFollowsTheMeasuredOne()
    {
        // On a machine running many times more threads than it has cores, the runs measure the load, not the code.
        if (File.Exists("/proc/loadavg") && double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) is var load && load > 2 * Environment.ProcessorCount)
        {
            Assert.Inconclusive($"The machine is overloaded (load average {load} on {Environment.ProcessorCount} cores): measured latencies would not be the hardware's.");
        }
        string resNet = Save(NetworkBlocks.ResNetStyleNetwork(64, 56, 5), "resnet_style.onnx");
        string? cache = Environment.GetEnvironmentVariable("AIDGE_CACHE_DIR");
        Environment.SetEnvironmentVariable("AIDGE_CACHE_DIR", Path.Combine(folder, "probe-cache"));
        try
        {
            CompareOn(DigitsSample.ModelPath);
            CompareOn(resNet);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AIDGE_CACHE_DIR", cache);
        }
    }

    private void CompareOn(string model)
    {
        string output = Path.Combine(folder, Path.GetFileNameWithoutExtension(model));
        var (code, line, error) = Run("compile", model, "--target", "openmp", "--out", output);
        Assert.AreEqual(0, code, error);
        TestContext.WriteLine(line.Trim());
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        if (!report.RootElement.TryGetProperty("measured", out var measured))
        {
            Assert.Inconclusive("The native library was not built: nothing to measure.");
        }
        double predicted = report.RootElement.GetProperty("targets")[0].GetProperty("seconds").GetDouble();
        double median = measured.GetProperty("medianSeconds").GetDouble();
        double best = measured.GetProperty("bestSeconds").GetDouble();
        // Issue #4's bound: the prediction (from the probe's best trials) within a factor 1.5 of the best run.
        TestContext.WriteLine($"{Path.GetFileName(model)}: predicted {predicted * 1e6:0.#} µs, measured best {best * 1e6:0.#} µs (ratio {predicted / best:0.00}), median {median * 1e6:0.#} µs (ratio {predicted / median:0.00})");
        Assert.IsTrue(predicted / best is > 1 / 1.5 and < 1.5, $"{Path.GetFileName(model)}: predicted {predicted * 1e6:0.#} µs, measured best {best * 1e6:0.#} µs");
    }

    private string Out => Path.Combine(folder, "out");

    private string Save(ModelBuilder builder, string name)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, builder.ToBytes());
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(arguments, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
