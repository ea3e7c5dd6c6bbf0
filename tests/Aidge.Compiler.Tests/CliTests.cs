using Aidge.Conformance;

namespace Aidge.Compiler.Tests;

[TestClass]
public sealed class CliTests
{
    [TestMethod]
    public void InspectPrintsShapesOperatorsAndMacs()
    {
        string model = Path.Combine(ConformanceRoot(), "node", "test_conv_with_strides_padding", "model.onnx");
        var (code, output, error) = Run("inspect", model);
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "opsets: ai.onnx");
        StringAssert.Contains(output, "y: float [1,1,4,3]");
        StringAssert.Contains(output, "Conv: 1");
        // 12 outputs, each a 3x3 window over one channel.
        StringAssert.Contains(output, "MACs (Conv, ConvTranspose, Gemm, MatMul): 108");
    }

    [TestMethod]
    public void TruncatedModelIsADiagnosticNotACrash()
    {
        string source = Path.Combine(ConformanceRoot(), "node", "test_gemm_default_no_bias", "model.onnx");
        string truncated = Path.Combine(Path.GetTempPath(), $"aidgec-truncated-{Guid.NewGuid():N}.onnx");
        byte[] bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        try
        {
            var (code, _, error) = Run("inspect", truncated);
            Assert.AreEqual(1, code);
            StringAssert.Contains(error, "error AIDGE1002:");
            Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal), error);
        }
        finally
        {
            File.Delete(truncated);
        }
    }

    [TestMethod]
    public void OpsPrintsTheSupportMatrix()
    {
        var (code, output, _) = Run("ops");
        Assert.AreEqual(0, code);
        StringAssert.Contains(output, "| Conv |");
    }

    [TestMethod]
    public void ResponseFilesAreExpanded()
    {
        string responseFile = Path.Combine(Path.GetTempPath(), $"aidgec-{Guid.NewGuid():N}.rsp");
        File.WriteAllText(responseFile, "ops\n");
        try
        {
            var (code, output, _) = Run("@" + responseFile);
            Assert.AreEqual(0, code);
            StringAssert.Contains(output, "| Conv |");
        }
        finally
        {
            File.Delete(responseFile);
        }
    }

    [TestMethod]
    [DataRow("inspect")]
    [DataRow("frobnicate")]
    [DataRow("inspect", "model.onnx", "--dim", "N")]
    public void BadUsageExitsWithTwo(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "aidgec: error:");
    }

    /// <summary>Runs aidgec in-process; other CLI tests use it too.</summary>
    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string ConformanceRoot()
    {
        string root = ConformanceSuite.DataRoot();
        if (!Directory.Exists(Path.Combine(root, "node")))
        {
            Assert.Inconclusive($"No ONNX conformance data at {root}: set AIDGE_ONNX_TESTS.");
        }
        return root;
    }
}
