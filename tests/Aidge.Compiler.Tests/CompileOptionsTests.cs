using Aidge.Compiler.Commands;
using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Passes.Pruning;

namespace Aidge.Compiler.Tests;

/// <summary>The pruning, quantization and verification options of <c>aidgec compile</c>, as the driver receives them.</summary>
[TestClass]
public sealed class CompileOptionsTests
{
    private static (CompileOptions? Options, Diagnostic? Invalid) Bind(params string[] options)
    {
        var parsed = CompileCommand.Create().Parse(["model.onnx", "--target", "openmp", "--out", "out", .. options]);
        Assert.IsEmpty(parsed.Errors, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        var bound = CompileCommand.Bind(parsed, reportOnly: false, out var invalid);
        return (bound, invalid);
    }

    [TestMethod]
    public void DefaultsAskForNothingAndDocumentTheirChoices()
    {
        var options = Bind().Options!;
        Assert.IsNull(options.Quantize);
        Assert.IsNull(options.Pruning);
        Assert.IsNull(options.SampleInput);
        Assert.AreEqual("minmax", options.Calibration);
        Assert.AreEqual(0.9, options.MinAgreement);
    }

    [TestMethod]
    public void EveryOptionReachesTheDriverWithAbsolutePaths()
    {
        var options = Bind(
            "--quantize", "int8", "--calibration", "kl", "--calibration-data", "data/calib",
            "--prune", "0.5;conv1=0.25", "--prune-mode", "channel",
            "--sample-input", "data/x.npy", "--sample-labels", "data/y.npy", "--min-agreement", "0.75").Options!;

        Assert.AreEqual("int8", options.Quantize);
        Assert.AreEqual("kl", options.Calibration);
        Assert.AreEqual(Path.GetFullPath("data/calib"), options.CalibrationData);
        Assert.AreEqual(Path.GetFullPath("data/x.npy"), options.SampleInput);
        Assert.AreEqual(Path.GetFullPath("data/y.npy"), options.SampleLabels);
        Assert.AreEqual(0.75, options.MinAgreement);
        Assert.AreEqual(PruneMode.Channel, options.Pruning!.Mode);
        Assert.AreEqual(0.5, options.Pruning.Ratio);
        Assert.AreEqual(0.25, options.Pruning.RatioFor("conv1"));
        Assert.AreEqual(0.5, options.Pruning.RatioFor("conv2"));
    }

    [TestMethod]
    public void MalformedPruneIsACodedDiagnosticOnTheModel()
    {
        var (options, invalid) = Bind("--prune", "0.5;conv1=2");

        Assert.IsNull(options);
        Assert.AreEqual(DiagnosticCodes.InvalidOptionValue, invalid!.Code);
        Assert.AreEqual(Path.GetFullPath("model.onnx"), invalid.File);
        StringAssert.Contains(invalid.Message, "'2' in 'conv1=2' is not a ratio in [0, 1)");
        StringAssert.Contains(invalid.Message, "Prune metadata");
    }

    [TestMethod]
    [DataRow("--quantize", "int4")]
    [DataRow("--calibration", "entropy")]
    [DataRow("--prune-mode", "filter")]
    [DataRow("--min-agreement", "1.5")]
    [DataRow("--min-agreement", "most")]
    public void OutOfRangeValuesAreUsageErrors(string option, string value)
    {
        var parsed = CompileCommand.Create().Parse(["model.onnx", "--target", "openmp", "--out", "out", option, value]);
        Assert.IsNotEmpty(parsed.Errors);
    }

    [TestMethod]
    [DataRow("0.5", 0.5)]
    [DataRow(" 0.3 ; ", 0.3)]
    [DataRow("conv1=0.5", 0.0)]
    [DataRow("0", 0.0)]
    public void PruneTakesAModelWideRatio(string text, double ratio)
    {
        Assert.AreEqual(ratio, PruneOption.TryParse(text, PruneMode.Unstructured, out _)!.Ratio);
    }

    [TestMethod]
    public void PruneOverridesAreKeyedByNodeNameEvenWithEqualsSigns()
    {
        var settings = PruneOption.TryParse("0.5;/layer1/conv=0.1;a=b=0.2", PruneMode.Unstructured, out string? error)!;
        Assert.IsNull(error);
        Assert.AreEqual(0.1, settings.RatioFor("/layer1/conv"));
        Assert.AreEqual(0.2, settings.RatioFor("a=b"));
        Assert.HasCount(2, settings.PerLayer);
    }

    [TestMethod]
    [DataRow("", "gives no ratio")]
    [DataRow("1", "not a ratio in [0, 1)")]
    [DataRow("-0.1", "not a ratio in [0, 1)")]
    [DataRow("half", "not a ratio in [0, 1)")]
    [DataRow("0.5;0.3", "model-wide ratio twice")]
    [DataRow("=0.3", "needs a node name")]
    [DataRow("c=0.1;c=0.2", "each node once")]
    public void MalformedPruneSaysWhatIsWrong(string text, string expected)
    {
        Assert.IsNull(PruneOption.TryParse(text, PruneMode.Channel, out string? error));
        StringAssert.Contains(error, expected);
    }
}
