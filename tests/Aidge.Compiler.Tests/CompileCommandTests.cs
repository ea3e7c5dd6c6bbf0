using System.Text.Json;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary><c>aidgec compile</c> end to end on small models built in code: files, manifest, diagnostics, determinism.</summary>
[TestClass]
public sealed class CompileCommandTests
{
    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-compile-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>A small CNN classifier: Conv, Relu, MaxPool, Flatten, Gemm, Softmax.</summary>
    private static ModelBuilder Classifier(string input = "image", string output = "probabilities") =>
        new ModelBuilder(opset: 13)
            .Input(input, 1, 1, 8, 8)
            .RandomInitializer("conv.weight", 0.5f, 4, 1, 3, 3)
            .RandomInitializer("conv.bias", 0.1f, 4)
            .RandomInitializer("fc.weight", 0.2f, 10, 64)
            .RandomInitializer("fc.bias", 0.1f, 10)
            .Node("Conv", [input, "conv.weight", "conv.bias"], ["c"], ("pads", new long[] { 1, 1, 1, 1 }))
            .Node("Relu", ["c"], ["r"])
            .Node("MaxPool", ["r"], ["p"], ("kernel_shape", new long[] { 2, 2 }), ("strides", new long[] { 2, 2 }))
            .Node("Flatten", ["p"], ["f"])
            .Node("Gemm", ["f", "fc.weight", "fc.bias"], ["g"], ("transB", 1L))
            .Node("Softmax", ["g"], [output])
            .Output(output);

    [TestMethod]
    public void CompileWritesSourcesLibraryAndManifest()
    {
        string model = Save(Classifier(), "digits.onnx");
        var (code, error) = Compile(model, "--class", "Digits", "--namespace", "MyApp");
        Assert.AreEqual(0, code, error);
        string manifest = Path.Combine(folder, "out", "Digits.aidge.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var root = json.RootElement;
        Assert.AreEqual(1, root.GetProperty("format").GetInt32());
        Assert.AreEqual("Digits", root.GetProperty("className").GetString());
        Assert.AreEqual("MyApp", root.GetProperty("namespace").GetString());
        Assert.AreEqual("digits", root.GetProperty("symbolPrefix").GetString());
        Assert.AreEqual(4 * 9 + 4 + 640 + 10, root.GetProperty("parameters").GetInt64());
        var input = root.GetProperty("inputs")[0];
        Assert.AreEqual("image", input.GetProperty("name").GetString());
        Assert.AreEqual("float32", input.GetProperty("elementType").GetString());
        CollectionAssert.AreEqual(new long[] { 1, 10 }, root.GetProperty("outputs")[0].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray());
        foreach (string file in new[] { "digits.h", "digits.c", "digits.weights.bin", "CMakeLists.txt" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(folder, "out", "native", file)), file);
        }
        string library = root.GetProperty("library").GetString()!;
        if (root.GetProperty("nativeBuilt").GetBoolean())
        {
            Assert.IsTrue(File.Exists(Path.Combine(folder, "out", library)), library);
        }
        else
        {
            StringAssert.Contains(error, "AIDGE4010");
        }
    }

    [TestMethod]
    public void NoNativeWritesSourcesAndManifestOnly()
    {
        string model = Save(Classifier(), "m.onnx");
        var (code, error) = Compile(model, "--no-native");
        Assert.AreEqual(0, code, error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "m.aidge.json")));
        Assert.IsFalse(json.RootElement.GetProperty("nativeBuilt").GetBoolean());
        Assert.IsTrue(json.RootElement.GetProperty("className").ValueKind == JsonValueKind.Null);
        Assert.IsFalse(Directory.GetFiles(Path.Combine(folder, "out")).Any(f => f.EndsWith(".so", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void TwoRunsGiveIdenticalBytes()
    {
        string model = Save(Classifier(), "m.onnx");
        Assert.AreEqual(0, Compile(model, "--no-native").Code);
        var first = Snapshot();
        Directory.Delete(Path.Combine(folder, "out"), recursive: true);
        Assert.AreEqual(0, Compile(model, "--no-native").Code);
        var second = Snapshot();
        CollectionAssert.AreEqual(first.Keys.ToList(), second.Keys.ToList());
        foreach (var (name, bytes) in first)
        {
            CollectionAssert.AreEqual(bytes, second[name], name);
        }
    }

    [TestMethod]
    public void EachNodesTeamIsSizedFromItsWork()
    {
        string model = Save(Classifier(), "m.onnx");
        Assert.AreEqual(0, Compile(model, "--no-native").Code);
        string source = File.ReadAllText(Path.Combine(folder, "out", "native", "m.c"));
        // Conv: 4x8x8 outputs of 1x3x3 multiply-adds each; Relu: its 256 elements; Gemm: 10 outputs of 64 multiply-adds.
        StringAssert.Contains(source, "threads = aidge_threads_for(context_threads, 2304);");
        StringAssert.Contains(source, "threads = aidge_threads_for(context_threads, 256);");
        StringAssert.Contains(source, "threads = aidge_threads_for(context_threads, 640);");
    }

    [TestMethod]
    public void UnchangedOutputsKeepTheirTimestamps()
    {
        string model = Save(Classifier(), "m.onnx");
        Assert.AreEqual(0, Compile(model, "--no-native").Code);
        string source = Path.Combine(folder, "out", "native", "m.c");
        var written = File.GetLastWriteTimeUtc(source);
        File.SetLastWriteTimeUtc(source, written.AddHours(-1));
        Assert.AreEqual(0, Compile(model, "--no-native").Code);
        Assert.AreEqual(written.AddHours(-1), File.GetLastWriteTimeUtc(source));
    }

    [TestMethod]
    public void HostileNamesStayOutOfCodeAndPaths()
    {
        string input = "int */ \"x\"\n../../evil\\name";
        string model = Save(Classifier(input, "return */ ??/ 'y'"), "if.onnx");
        var (code, error) = Compile(model, "--no-native");
        Assert.AreEqual(0, code, error);
        string[] files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        Assert.IsTrue(files.All(f => f.StartsWith(folder, StringComparison.Ordinal)));
        Assert.IsFalse(files.Any(f => f.Contains("evil", StringComparison.Ordinal)));
        foreach (string c in Directory.GetFiles(Path.Combine(folder, "out", "native"), "*.[ch]"))
        {
            string text = File.ReadAllText(c);
            Assert.IsFalse(text.Contains("*/ \"x\"", StringComparison.Ordinal), c);
            Assert.IsFalse(text.Contains("??/", StringComparison.Ordinal), c);
            Assert.IsFalse(text.Contains("evil\\", StringComparison.Ordinal), c);
        }
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "out", "native", "if_.h")), "if__create");
    }

    [TestMethod]
    public void UnsupportedOperatorIsNamedBeforeAnythingIsWritten()
    {
        // NonZero: its output size depends on the data, so a static-shape target can never emit it.
        var builder = new ModelBuilder(opset: 13)
            .Input("x", 2, 3)
            .Node("Relu", ["x"], ["r"])
            .Node("NonZero", ["r"], ["y"])
            .Output("y", DataType.Int64);
        string model = Save(builder, "m.onnx");
        var (code, error) = Compile(model);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "error AIDGE4002: node 'NonZero_1': ");
        StringAssert.Contains(error, model);
        Assert.IsFalse(Directory.Exists(Path.Combine(folder, "out")));
    }

    [TestMethod]
    public void MissingModelIsADiagnostic()
    {
        var (code, error) = Compile(Path.Combine(folder, "missing.onnx"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "error AIDGE1001");
    }

    [TestMethod]
    public void UnboundSymbolicDimWarnsAndBecomesOne()
    {
        string model = Save(new ModelBuilder(opset: 13).Input("x", 2, 3).Node("Relu", ["x"], ["y"]).Output("y"), "m.onnx");
        var bytes = File.ReadAllBytes(model);
        var proto = Aidge.Onnx.Proto.ModelProto.Parser.ParseFrom(bytes);
        proto.Graph.Input[0].Type.TensorType.Shape.Dim[0].ClearDimValue();
        proto.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam = "batch";
        File.WriteAllBytes(model, Google.Protobuf.MessageExtensions.ToByteArray(proto));
        var (code, error) = Compile(model, "--no-native");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, "warning AIDGE4001: Dim 'batch' of input 'x'");
        Assert.AreEqual(0, Compile(model, "--no-native", "--dim", "batch=4").Code);
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "out", "native", "m.h")), "'x' float32 [4,3]");
    }

    [TestMethod]
    public void BuiltLibraryIsCheckedAgainstTheSimulatorUnlessToldNot()
    {
        string model = Save(Classifier(), "m.onnx");
        var (code, error) = Compile(model);
        Assert.AreEqual(0, code, error);
        if (!error.Contains("AIDGE4010", StringComparison.Ordinal))
        {
            StringAssert.Contains(error, "info AIDGE4021: The built library agrees with the simulator on seeded random inputs (1 outputs");
        }
        var (again, quiet) = Compile(model, "--no-verify");
        Assert.AreEqual(0, again, quiet);
        Assert.IsFalse(quiet.Contains("AIDGE4021", StringComparison.Ordinal), quiet);
    }

    [TestMethod]
    public void ConvolutionKernelsAgreeWithTheSimulatorOnSeveralThreads()
    {
        // The GEMM convolution (channel shares across 3 threads, then 2 when strided: large enough for aidge_threads_for to
        // give them several threads; edge blocks), a grouped one and a depthwise one.
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 8, 23, 25);
        string wide = builder.Conv("x", 8, 14, 3);
        string strided = builder.Conv(wide, 14, 14, 3, stride: 2);
        string grouped = builder.Conv(strided, 14, 14, 3, group: 2);
        builder.Output(builder.Conv(grouped, 14, 14, 3, group: 14));
        string model = Save(builder, "convs.onnx");

        var (code, error) = Compile(model, "--threads", "3");

        Assert.AreEqual(0, code, error);
        if (!error.Contains("AIDGE4010", StringComparison.Ordinal))
        {
            StringAssert.Contains(error, "info AIDGE4021: The built library agrees with the simulator");
        }
        string source = File.ReadAllText(Path.Combine(folder, "out", "native", "convs.c"));
        StringAssert.Contains(source, "aidge_conv_gemm_f32(threads");
        StringAssert.Contains(source, "aidge_conv_f32(threads");
    }

    [TestMethod]
    public void MatrixProductsAgreeWithTheSimulatorOnSeveralThreads()
    {
        // Blocked paths: edge tiles (13 rows, 70 columns), more than one k slice (300), transB, alpha and beta, a batched
        // MatMul; and the direct path for transA.
        var builder = new ModelBuilder(opset: 13)
            .Input("x", 13, 300)
            .RandomInitializer("w", 0.1f, 70, 300)
            .RandomInitializer("bias", 0.1f, 70)
            .RandomInitializer("v", 0.1f, 2, 70, 9)
            .RandomInitializer("u", 0.1f, 13, 5)
            .Node("Gemm", ["x", "w", "bias"], ["g"], ("transB", 1L), ("alpha", 0.5f), ("beta", 2f))
            .Node("Gemm", ["g", "u"], ["t"], ("transA", 1L))
            .Node("MatMul", ["g", "v"], ["y"])
            .Output("y")
            .Output("t");
        string model = Save(builder, "products.onnx");

        var (code, error) = Compile(model, "--threads", "3");

        Assert.AreEqual(0, code, error);
        if (!error.Contains("AIDGE4010", StringComparison.Ordinal))
        {
            StringAssert.Contains(error, "info AIDGE4021: The built library agrees with the simulator on seeded random inputs (2 outputs");
        }
    }

    [TestMethod]
    public void ShapeComputationsBecomeDataNotCode()
    {
        // A PyTorch flatten with a symbolic batch, and the input's shape as a second output.
        var builder = new ModelBuilder(opset: 13).Input("x", 2, 3, 4);
        builder.Output(builder.ShapeFlatten("x")).Output("shape_4", DataType.Int64);
        var proto = builder.ToProto();
        proto.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam = "batch";
        string model = Path.Combine(folder, "m.onnx");
        File.WriteAllBytes(model, Google.Protobuf.MessageExtensions.ToByteArray(proto));

        var (code, error) = Compile(model, "--no-native", "--dim", "batch=5");

        Assert.AreEqual(0, code, error);
        string source = File.ReadAllText(Path.Combine(folder, "out", "native", "m.c"));
        StringAssert.Contains(source, "Reshape 'Reshape_4'");
        foreach (string folded in new[] { "Shape_0", "Gather_1", "Unsqueeze_2", "Concat_3" })
        {
            Assert.IsFalse(source.Contains($"'{folded}'", StringComparison.Ordinal), folded + " should be data, not code");
        }
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "out", "native", "m.h")), "'flat_8' float32 [5,12]");
    }

    /// <summary>The exporter and the manifest see the graph the --optimize level's passes left: no copy, no dead weights.</summary>
    [TestMethod]
    public void TheOptimizationLevelShapesWhatIsCompiled()
    {
        string model = Save(new ModelBuilder(opset: 13).Input("x", 4)
            .RandomInitializer("unused", 1f, 100)
            .Node("Identity", ["x"], ["copy"])
            .Node("Relu", ["copy"], ["y"])
            .Output("y"), "m.onnx");
        long Parameters()
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "m.aidge.json")));
            return json.RootElement.GetProperty("parameters").GetInt64();
        }
        string Source() => File.ReadAllText(Path.Combine(folder, "out", "native", "m.c"));

        Assert.AreEqual(0, Compile(model, "--no-native", "--optimize", "O0").Code);
        Assert.AreEqual(100, Parameters());
        StringAssert.Contains(Source(), "Identity 'Identity_0'");

        var (code, error) = Compile(model, "--no-native", "--optimize", "O1");
        Assert.AreEqual(0, code, error);
        Assert.AreEqual(0, Parameters());
        Assert.DoesNotContain("Identity", Source());
    }

    [TestMethod]
    public void MissingExplicitCompilerIsAnError()
    {
        string model = Save(new ModelBuilder(opset: 13).Input("x", 2).Node("Relu", ["x"], ["y"]).Output("y"), "m.onnx");
        var (code, error) = Compile(model, "--cc", Path.Combine(folder, "no-such-cc"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "error AIDGE4011");
    }

    private string Save(ModelBuilder builder, string name)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, builder.ToBytes());
        return path;
    }

    private (int Code, string Error) Compile(string model, params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", model, "--target", "openmp", "--out", Path.Combine(folder, "out"), .. options], output, error);
        return (code, error.ToString());
    }

    private SortedDictionary<string, byte[]> Snapshot() =>
        new(Directory.GetFiles(Path.Combine(folder, "out"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);
}
