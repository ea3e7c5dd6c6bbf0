using Aidge.Testing;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// <c>aidgec compile --target hls</c> on a small CNN built in code: the pragmas follow ReuseFactor, Strategy and IOType
/// (asserted on the generated text), bad metadata is AIDGE4040, and the output is the same byte for byte on every run.
/// </summary>
[TestClass]
public sealed class HlsPragmaTests
{
    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-hls-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>Conv 3×3 over 4 input channels (36 terms per output), Relu, MaxPool 2×2, Flatten, Gemm over 64 inputs.</summary>
    private string Model()
    {
        var builder = NetworkBlocks.SmallClassifier(channels: 4);
        string path = Path.Combine(folder, "cnn.onnx");
        File.WriteAllBytes(path, builder.ToBytes());
        return path;
    }

    [TestMethod]
    public void LatencyUnrollsInnerLoopsByTheReuseFactorAndPartitionsWeights()
    {
        string source = Source(Compile("--reuse-factor", "2"));
        // The conv's innermost reduction (kw, 3 taps) unrolls by ceil(3 / 2); the Gemm's (64 inputs) by 32.
        StringAssert.Contains(source, "#pragma HLS UNROLL factor=2");
        StringAssert.Contains(source, "#pragma HLS UNROLL factor=32");
        StringAssert.Contains(source, "#pragma HLS ARRAY_PARTITION variable=w cyclic factor=2 dim=1");
        StringAssert.Contains(source, "#pragma HLS ARRAY_PARTITION variable=b cyclic factor=32 dim=1");
        Assert.DoesNotContain("BIND_STORAGE", source);
        Assert.DoesNotContain("DATAFLOW", source);
        Assert.DoesNotContain("stream<", source);
        // The bias is read once per output: no partition for it.
        Assert.DoesNotContain("variable=c cyclic", source);
    }

    [TestMethod]
    public void ResourcePipelinesEachOutputAtTheReuseFactorWithWeightsInBram()
    {
        string source = Source(Compile("--strategy", "Resource", "--reuse-factor", "4"));
        StringAssert.Contains(source, "#pragma HLS PIPELINE II=4");
        StringAssert.Contains(source, "#pragma HLS BIND_STORAGE variable=w type=rom_2p impl=bram");
        Assert.DoesNotContain("ARRAY_PARTITION", source);
        Assert.DoesNotContain("UNROLL", source);
    }

    [TestMethod]
    public void StreamMakesTheTopADataflowOfFifos()
    {
        string source = Source(Compile("--io-type", "stream"));
        StringAssert.Contains(source, "#pragma HLS DATAFLOW");
        StringAssert.Contains(source, "aidge::stream<float>");
        StringAssert.Contains(source, "#pragma HLS STREAM variable=");
        StringAssert.Contains(source, "read_in0(in0,");
        StringAssert.Contains(source, "write_out0(");
    }

    [TestMethod]
    public void TopHasOneAxiMasterPerArgumentAndAnAxiLiteControl()
    {
        string source = Source(Compile());
        StringAssert.Contains(source, "void cnn_top(const float* in0, float* out0)");
        StringAssert.Contains(source, "#pragma HLS INTERFACE m_axi port=in0 offset=slave bundle=gmem depth=256");
        StringAssert.Contains(source, "#pragma HLS INTERFACE m_axi port=out0 offset=slave bundle=gmem depth=10");
        StringAssert.Contains(source, "#pragma HLS INTERFACE s_axilite port=return");
        Assert.DoesNotContain("malloc", source);
        string weights = File.ReadAllText(Path.Combine(folder, "out", "native", "cnn_weights.h"));
        StringAssert.Contains(weights, "static const float w_conv_weight[144] = {");
        string tcl = File.ReadAllText(Path.Combine(folder, "out", "native", "run_hls.tcl"));
        StringAssert.Contains(tcl, "set_part {xczu7ev-ffvc1156-2-e}");
    }

    [TestMethod]
    public void ClockPeriodAndPartReachTheScript()
    {
        Compile("--clock-period", "3.33", "--fpga-part", "xcvu9p-flga2104-2-i");
        string tcl = File.ReadAllText(Path.Combine(folder, "out", "native", "run_hls.tcl"));
        StringAssert.Contains(tcl, "create_clock -period 3.33 -name default");
        StringAssert.Contains(tcl, "set_part {xcvu9p-flga2104-2-i}");
    }

    [TestMethod]
    [DataRow("--reuse-factor", "0", "ReuseFactor '0'")]
    [DataRow("--reuse-factor", "two", "ReuseFactor 'two'")]
    [DataRow("--strategy", "fast", "Strategy 'fast'")]
    [DataRow("--io-type", "axis", "IOType 'axis'")]
    [DataRow("--clock-period", "-5", "ClockPeriod '-5'")]
    [DataRow("--clock-period", "5ns", "ClockPeriod '5ns'")]
    [DataRow("--fpga-part", "xc7z020];exit", "FpgaPart 'xc7z020];exit'")]
    public void BadHlsMetadataIsAidge4040(string option, string value, string named)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", Model(), "--target", "hls", "--out", Path.Combine(folder, "out"), "--no-native", option, value], output, error);
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error.ToString(), "AIDGE4040");
        StringAssert.Contains(error.ToString(), named);
        Assert.IsFalse(Directory.Exists(Path.Combine(folder, "out", "native")), "nothing is emitted for bad metadata");
    }

    [TestMethod]
    [DataRow("parallel")]
    [DataRow("stream")]
    public void OutputIsDeterministic(string ioType)
    {
        string model = Model();
        var first = Snapshot(CompileInto(model, "a", "--io-type", ioType));
        var second = Snapshot(CompileInto(model, "b", "--io-type", ioType));
        CollectionAssert.AreEqual(first.Keys.ToList(), second.Keys.ToList());
        foreach (var (file, bytes) in first)
        {
            CollectionAssert.AreEqual(bytes, second[file], file);
        }
        Assert.IsTrue(first.ContainsKey("cnn_tb.cpp") && first.ContainsKey("cnn_abi.cpp") && first.ContainsKey("aidge_hls_math.h"));
    }

    private string Compile(params string[] options) => CompileInto(Model(), "out", options);

    private string CompileInto(string model, string output, params string[] options)
    {
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", model, "--target", "hls", "--out", Path.Combine(folder, output), "--no-native", "--no-report", .. options], stdout, error);
        Assert.AreEqual(0, code, error.ToString());
        return Path.Combine(folder, output, "native");
    }

    private static string Source(string native) => File.ReadAllText(Path.Combine(native, "cnn.cpp"));

    private static SortedDictionary<string, byte[]> Snapshot(string native) =>
        new(Directory.GetFiles(native).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);
}
