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
