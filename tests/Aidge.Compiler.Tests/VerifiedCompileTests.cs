using Aidge.Core.Tensors;
using Aidge.Onnx;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>
/// <c>aidgec compile</c> with sample, calibration and label data from .npy files: int8 quantization calibrated on
/// data and measured against labels, the synthetic-calibration warning, and data that does not fit the model.
/// </summary>
[TestClass]
public sealed class VerifiedCompileTests
{
    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-verified-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>Conv, Relu, MaxPool, Flatten, Gemm: ten logits of an 8x8 image.</summary>
    private static ModelBuilder Classifier() => NetworkBlocks.SmallClassifier();

    private string Write(string name, Tensor tensor)
    {
        string path = Path.Combine(folder, name);
        NpyFiles.Write(path, tensor);
        return path;
    }

    private static Tensor Images(int count, int seed)
    {
        var random = new Random(seed);
        return Tensor.FromArray(Enumerable.Range(0, count * 64).Select(_ => (float)random.NextDouble()).ToArray(), count, 1, 8, 8);
    }

    private (int Code, string Error) Compile(params string[] options)
    {
        string model = Path.Combine(folder, "classifier.onnx");
        File.WriteAllBytes(model, Classifier().ToBytes());
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", model, "--target", "openmp", "--out", Path.Combine(folder, "out"), "--no-native", "--no-report", .. options], output, error);
        return (code, error.ToString());
    }

    [TestMethod]
    public void Int8IsCalibratedOnDataAndScoredAgainstLabels()
    {
        string calibration = Write("calib.npy", Images(64, 1));
        string samples = Write("held-out.npy", Images(40, 2));
        string labels = Write("labels.npy", Tensor.FromArray(Enumerable.Range(0, 40).Select(i => (long)(i % 10)).ToArray(), 40));

        var (code, error) = Compile("--quantize", "int8", "--calibration-data", calibration, "--sample-input", samples, "--sample-labels", labels);

        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, "info AIDGE3012: The optimized graph agrees with the imported model on 40 samples (the sample input held-out.npy");
        StringAssert.Contains(error, "info AIDGE3012: What int8 quantization cost, measured by the simulator on 40 samples (the sample input held-out.npy): top-1 agreement");
        StringAssert.Contains(error, "before,");
        StringAssert.Contains(error, "'logits' SNR");
        Assert.DoesNotContain("AIDGE3020", error);
    }

    [TestMethod]
    public void Int8WithoutCalibrationDataWarnsThatItUsedRandomSamples()
    {
        var (code, error) = Compile("--quantize", "int8", "--calibration", "percentile");

        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, "warning AIDGE3020: Quantize=\"int8\" without CalibrationData");
        StringAssert.Contains(error, "(32 seeded random samples): top-1 agreement");
    }

    [TestMethod]
    public void SampleInputOfTheWrongShapeFailsTheBuildNamingTheFile()
    {
        string samples = Write("wrong.npy", Tensor.FromArray(new float[2 * 49], 2, 1, 7, 7));

        var (code, error) = Compile("--sample-input", samples);

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, $"{samples}: error AIDGE3014: The data file {samples} holds float[2,1,7,7]; input 'image' takes float[1,1,8,8]");
    }

    [TestMethod]
    public void NoVerifySkipsTheDataAndTheCheck()
    {
        var (code, error) = Compile("--no-verify", "--sample-input", Path.Combine(folder, "absent.npy"));

        Assert.AreEqual(0, code, error);
        Assert.DoesNotContain("AIDGE301", error);
    }
}
