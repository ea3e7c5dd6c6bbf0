using Aidge.Compiler.Compilation;
using Aidge.Compiler.Inspection;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>The ranges int8 quantization gets: from CalibrationData, or from seeded random samples with a warning.</summary>
[TestClass]
public sealed class CalibrationStepTests
{
    private const string File = "scaled.onnx";

    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidge-calibration-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>y = Relu(3·x): the ranges of x and y follow from the data by hand.</summary>
    private static Graph ScaledRelu(long width = 4)
    {
        var model = new ModelBuilder(opset: 13)
            .Input("x", 1, width)
            .Initializer("three", [3f], 1)
            .Node("Mul", ["x", "three"], ["scaled"])
            .Node("Relu", ["scaled"], ["y"])
            .Output("y");
        using var stream = new MemoryStream(model.ToBytes());
        return ModelReader.Load(stream, fileName: File).Graph;
    }

    private static CompileOptions Options(string? calibrationData = null, string calibration = "minmax") =>
        new(File, "openmp", "out", null, null, DimBindings.TryParse([], out _)!) { Quantize = "int8", CalibrationData = calibrationData, Calibration = calibration };

    [TestMethod]
    public void CalibrationDataGivesTheRangeOfEveryActivation()
    {
        string data = Path.Combine(folder, "calib.npy");
        NpyFiles.Write(data, Tensor.FromArray(new[] { -1f, 0.5f, 2f, 0f, -0.25f, 1f, 1f, 1.5f }, 2, 4));
        var diagnostics = new List<Diagnostic>();

        var settings = CalibrationStep.Run(ScaledRelu(), Options(data), File, diagnostics);

        Assert.IsEmpty(diagnostics);
        Assert.AreEqual(new(-1f, 2f), settings.ActivationRanges["x"]);
        Assert.AreEqual(new(-3f, 6f), settings.ActivationRanges["scaled"]);
        Assert.AreEqual(new(0f, 6f), settings.ActivationRanges["y"]);
        Assert.IsFalse(settings.SymmetricActivations);
    }

    [TestMethod]
    public void WithoutDataSyntheticSamplesAreUsedAndTheWarningSaysSo()
    {
        var diagnostics = new List<Diagnostic>();

        var settings = CalibrationStep.Run(ScaledRelu(), Options(), File, diagnostics);

        var warning = diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.SyntheticCalibration, warning.Code);
        Assert.AreEqual(Severity.Warning, warning.Severity);
        StringAssert.Contains(warning.Message, "32 seeded random samples uniform in [-1, 1]");
        StringAssert.Contains(warning.Message, "Set CalibrationData");
        var x = settings.ActivationRanges["x"];
        Assert.IsTrue(x.Min is < -0.9f and >= -1f && x.Max is > 0.9f and <= 1f, $"x in [{x.Min}, {x.Max}]");
        Assert.AreEqual(3 * x.Max, settings.ActivationRanges["y"].Max, 1e-6);
    }

    [TestMethod]
    public void TheMethodDecidesWhetherOutliersWidenTheRange()
    {
        // 40000 values in [-1, 1) and two outliers at 100: MinMax keeps them, the 99.99th percentile (4 values per tail) clips them.
        var values = Enumerable.Range(0, 40_000).Select(i => i is 7 or 20_007 ? 100f : (i % 200 - 100) / 100f).ToArray();
        string data = Path.Combine(folder, "outliers.npy");
        NpyFiles.Write(data, Tensor.FromArray(values, 40, 1000));

        float minMax = CalibrationStep.Run(ScaledRelu(1000), Options(data, "minmax"), File, []).ActivationRanges["x"].Max;
        float percentile = CalibrationStep.Run(ScaledRelu(1000), Options(data, "percentile"), File, []).ActivationRanges["x"].Max;

        Assert.AreEqual(100f, minMax);
        Assert.IsLessThan(2f, percentile);
    }
}
