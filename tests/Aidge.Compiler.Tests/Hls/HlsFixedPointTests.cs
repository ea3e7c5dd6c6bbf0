using System.Text.Json;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Export.Toolchain;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// <c>aidgec compile --target hls --precision ...</c> on a small CNN built in code: the design computes in data_t and
/// acc_t with float ports, the build-time check holds it within its error bound, the report states the precision, the
/// accumulator and the bound, bad precisions are AIDGE4044, an operator without a fixed-point form is AIDGE4046 naming
/// its node, an int8-quantized graph ignores the precision with AIDGE4045, and the output is the same on every run.
/// </summary>
[TestClass]
public sealed class HlsFixedPointTests
{
    private string folder = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-hls-fixed-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>Conv 3×3 + Relu, MaxPool, AveragePool, a residual Add, Flatten, Gemm: the operators of typical CNNs; <paramref name="last"/> may add one more.</summary>
    private string Model(string? last = null)
    {
        var builder = new ModelBuilder(opset: 13)
            .Input("image", 1, 2, 8, 8)
            .RandomInitializer("conv.weight", 0.5f, 4, 2, 3, 3)
            .RandomInitializer("conv.bias", 0.1f, 4)
            .RandomInitializer("fc.weight", 0.2f, 10, 16)
            .RandomInitializer("fc.bias", 0.1f, 10)
            .Node("Conv", ["image", "conv.weight", "conv.bias"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Relu", ["c"], ["r"])
            .Node("MaxPool", ["r"], ["m"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("AveragePool", ["r"], ["a"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("Add", ["m", "a"], ["s"])
            .Node("MaxPool", ["s"], ["p"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("Flatten", ["p"], ["f"])
            .Node("Gemm", ["f", "fc.weight", "fc.bias"], [last is null ? "logits" : "g"], ("transB", 1L));
        if (last is not null)
        {
            builder = builder.Node(last, ["g"], ["logits"]);
        }
        string path = Path.Combine(folder, "cnn.onnx");
        File.WriteAllBytes(path, builder.Output("logits").ToBytes());
        return path;
    }

    [TestMethod]
    public void LayersComputeInDataAndAccumulatorTypesBehindFloatPorts()
    {
        string native = Compile(Model(), "out", "--no-native", "--precision", "ap_fixed<16,6>");
        string header = File.ReadAllText(Path.Combine(native, "cnn_top.h"));
        StringAssert.Contains(header, "typedef aidge::fixed<16, 6> data_t;");
        // Sums of up to 18 conv terms (+ bias): 2·6 + 5 integer bits, 2·10 fraction bits.
        StringAssert.Contains(header, "typedef aidge::fixed<37, 17> acc_t;");
        StringAssert.Contains(header, "void cnn_top(const float* in0, float* out0);");
        string source = File.ReadAllText(Path.Combine(native, "cnn.cpp"));
        StringAssert.Contains(source, "acc_t acc = b[co];");
        StringAssert.Contains(source, "aidge_hls_relu_fixed(");
        StringAssert.Contains(source, "data_t acc = data_min;");
        StringAssert.Contains(source, "data_t(count > 0 ? acc.to_double() / count : 0.0)");
        StringAssert.Contains(source, "out0[i] = t_logits[i].to_float();");
        Assert.DoesNotContain("float acc", source);
        StringAssert.Contains(File.ReadAllText(Path.Combine(native, "cnn_weights.h")), "static const data_t w_conv_weight[72] = {");
    }

    [TestMethod]
    [DataRow("parallel")]
    [DataRow("stream")]
    public void CsimStaysWithinTheBoundTheReportStates(string ioType)
    {
        CsimTest.RequireCompiler();
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        string output = Path.Combine(folder, "out");
        int code = AidgecCli.Run(["compile", Model(), "--target", "hls", "--out", output, "--io-type", ioType, "--precision", "fixed<16,6>"], stdout, error);
        TestContext.WriteLine(error.ToString());
        Assert.AreEqual(0, code, error.ToString());
        // The build-time check ran the csim library against the simulator with rounded weights, within the bound.
        StringAssert.Contains(error.ToString(), "AIDGE4021: The built fixed-point library (Precision 'fixed<16,6>') agrees with the simulator with rounded weights within its error bound");
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "report.json")));
        var fixedPoint = report.RootElement.GetProperty("fpga").GetProperty("fixedPoint");
        Assert.AreEqual("fixed<16,6>", fixedPoint.GetProperty("precision").GetString());
        Assert.AreEqual("fixed<37,17>", fixedPoint.GetProperty("accumulator").GetString());
        var bound = fixedPoint.GetProperty("bounds")[0];
        Assert.AreEqual("logits", bound.GetProperty("output").GetString());
        Assert.IsGreaterThan(0.0, bound.GetProperty("bound").GetDouble());
        StringAssert.Contains(File.ReadAllText(Path.Combine(output, "report.html")), "accumulator fixed&lt;37,17&gt;");
    }

    [TestMethod]
    public void TestbenchComparesWithinTheBoundAndFailsBeyondIt()
    {
        var compiler = CCompilerLocator.FindCxx(null, out _) ?? throw new AssertInconclusiveException("No C++ compiler (CXX, g++ or clang++) for the testbench.");
        string model = Model();
        string native = Compile(model, "out", "--no-native", "--precision", "fixed<16,6>");
        var build = CompilerRun.Run(compiler.Path, ["-std=c++17", "-O2", "-I.", "cnn.cpp", "cnn_tb.cpp", "-o", "tb", "-lm"], native, NativeBuild.Timeout);
        Assert.IsTrue(build.Succeeded, build.Summary());

        var (graph, known) = OptimizedGraph.Load(model);
        var diagnostics = new List<Diagnostic>();
        var fixedPoint = FixedPointBuild.Analyze(graph, known, FixedPointFormat.TryParse("fixed<16,6>", out _)!, model, diagnostics)!;
        var random = new Random(5);
        float[] image = Enumerable.Range(0, 128).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var reference = FixedPointReference.Simulate(graph, fixedPoint, [Tensor.FromArray(image, 1, 2, 8, 8)]);
        Assert.IsNull(reference.OutOfRange);
        float[] expected = reference.Outputs[0].Span<float>().ToArray();
        File.WriteAllBytes(Path.Combine(native, "input.bin"), Bytes(image));
        File.WriteAllBytes(Path.Combine(native, "expected.bin"), Bytes(expected));
        expected[3] += (float)(2 * fixedPoint.OutputBounds[0]);
        File.WriteAllBytes(Path.Combine(native, "wrong.bin"), Bytes(expected));

        var pass = CompilerRun.Run(Path.Combine(native, "tb"), ["input.bin", "expected.bin"], native, TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, pass.ExitCode, pass.Messages);
        StringAssert.Contains(pass.Messages, "PASSED");
        var fail = CompilerRun.Run(Path.Combine(native, "tb"), ["input.bin", "wrong.bin"], native, TimeSpan.FromMinutes(1));
        Assert.AreEqual(1, fail.ExitCode, fail.Messages);
        StringAssert.Contains(fail.Messages, "MISMATCH output 0[3]");
    }

    [TestMethod]
    [DataRow("fixed<16>", "is not a fixed-point format")]
    [DataRow("fixed<40,6>", "the width W must be between 2 and 32")]
    [DataRow("float16", "is not a fixed-point format")]
    [DataRow("fixed<16,6,ROUND>", "unknown quantization mode 'ROUND'")]
    public void BadPrecisionIsAidge4044(string value, string why)
    {
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", Model(), "--target", "hls", "--out", Path.Combine(folder, "out"), "--no-native", "--precision", value], stdout, error);
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error.ToString(), "cnn.onnx");
        StringAssert.Contains(error.ToString(), "error AIDGE4044");
        StringAssert.Contains(error.ToString(), value);
        StringAssert.Contains(error.ToString(), why);
        Assert.IsFalse(Directory.Exists(Path.Combine(folder, "out", "native")), "nothing is emitted for a bad precision");
    }

    [TestMethod]
    public void PrecisionWithoutRoomForTheAccumulatorIsAidge4044()
    {
        string message = Fails(Model(), "fixed<32,28>");
        StringAssert.Contains(message, "error AIDGE4044");
        StringAssert.Contains(message, "fixed<32,28>");
        StringAssert.Contains(message, "leaves no room for an accumulator");
    }

    [TestMethod]
    public void OperatorWithoutAFixedPointFormIsAidge4046NamingItsNode()
    {
        string message = Fails(Model("Sigmoid"), "fixed<16,6>");
        StringAssert.Contains(message, "error AIDGE4046");
        StringAssert.Contains(message, "Sigmoid");
        StringAssert.Contains(message, "Remove the Precision metadata");
    }

    [TestMethod]
    public void QuantizedGraphIgnoresThePrecisionWithAidge4045()
    {
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", Model(), "--target", "hls", "--out", Path.Combine(folder, "out"), "--no-native", "--no-report", "--quantize", "int8", "--precision", "fixed<16,6>"], stdout, error);
        Assert.AreEqual(0, code, error.ToString());
        StringAssert.Contains(error.ToString(), "warning AIDGE4045");
        Assert.DoesNotContain("data_t", File.ReadAllText(Path.Combine(folder, "out", "native", "cnn.cpp")));
    }

    [TestMethod]
    public void OutputIsDeterministic()
    {
        string model = Model();
        var first = Snapshot(Compile(model, "a", "--no-native", "--precision", "fixed<18,8,RND,SAT>"));
        var second = Snapshot(Compile(model, "b", "--no-native", "--precision", "fixed<18,8,RND,SAT>"));
        CollectionAssert.AreEqual(first.Keys.ToList(), second.Keys.ToList());
        foreach (var (file, bytes) in first)
        {
            CollectionAssert.AreEqual(bytes, second[file], file);
        }
        StringAssert.Contains(System.Text.Encoding.UTF8.GetString(first["cnn_top.h"]), "typedef aidge::fixed<18, 8, aidge::RND, aidge::SAT> data_t;");
    }

    private string Compile(string model, string output, params string[] options)
    {
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", model, "--target", "hls", "--out", Path.Combine(folder, output), "--no-report", .. options], stdout, error);
        Assert.AreEqual(0, code, error.ToString());
        return Path.Combine(folder, output, "native");
    }

    private string Fails(string model, string precision)
    {
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", model, "--target", "hls", "--out", Path.Combine(folder, "out"), "--no-native", "--no-report", "--precision", precision], stdout, error);
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error.ToString(), "cnn.onnx");
        return error.ToString();
    }

    private static byte[] Bytes(float[] values) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static SortedDictionary<string, byte[]> Snapshot(string native) =>
        new(Directory.GetFiles(native).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);
}
