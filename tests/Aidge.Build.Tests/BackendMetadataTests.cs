using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aidge.Build.Tests;

/// <summary>
/// The backends as a package user selects them: <c>Backend</c> and its metadata travel from the item through the
/// task to the compiler, the FPGA design's C simulation runs behind the generated class, the CUDA item builds with
/// or without nvcc, and a bad backend value fails the build with its code on the model.
/// </summary>
[TestClass]
public sealed class BackendMetadataTests
{
    private const string Items = """
        <AidgeModel Include="models/tiny.onnx" ClassName="TinyFpga" Backend="hls" IOType="stream" ClockPeriod="4" FpgaPart="xc7z020clg400-1" />
        <AidgeModel Include="models/tiny.onnx" ClassName="TinyGpu" Backend="cuda" CudaArch="sm_86" />
        """;

    private const string Program = """
        using System.Globalization;

        using var fpga = new Consumer.TinyFpga();
        float[] input = [1f, 2f, 3f, -4f];
        var output = new float[4];
        fpga.Run(input, output);
        Console.WriteLine("y=" + string.Join(" ", output.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        try
        {
            using var gpu = new Consumer.TinyGpu();
            gpu.Run(input, output);
            Console.WriteLine("gpu=" + string.Join(" ", output.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }
        catch (DllNotFoundException e)
        {
            Console.WriteLine("gpu not built: " + e.Message);
        }
        """;

    [TestMethod]
    public void EachBackendGetsItsMetadataAndABadValueFailsTheBuild()
    {
        var project = ConsumerProject.Create(nameof(EachBackendGetsItsMetadataAndABadValueFailsTheBuild), Items, Program);
        TinyModel.Write(project.PathOf("models/tiny.onnx"));

        string build = project.Build().ShouldSucceed().Output;
        string printed = project.Run().ShouldSucceed().Output;

        // The HLS item: its metadata shaped the design, and the C simulation computes the model.
        string fpga = Path.Combine(project.AidgeOutputRoot, "TinyFpga", "native");
        StringAssert.Contains(File.ReadAllText(Path.Combine(fpga, "tiny_fpga.cpp")), "#pragma HLS DATAFLOW");
        string script = File.ReadAllText(Path.Combine(fpga, "run_hls.tcl"));
        StringAssert.Contains(script, "create_clock -period 4");
        StringAssert.Contains(script, "set_part {xc7z020clg400-1}");
        CollectionAssert.AreEqual(TinyModel.ExpectedOutput(), ProgramOutput.Values(printed, "y="), $"program output:\n{printed}");

        // The CUDA item: the architecture reached the sources; the library exists exactly when nvcc was found.
        string gpu = Path.Combine(project.AidgeOutputRoot, "TinyGpu");
        StringAssert.Contains(File.ReadAllText(Path.Combine(gpu, "native", "CMakeLists.txt")), "CUDA_ARCHITECTURES 86");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(gpu, "TinyGpu.aidge.json")));
        if (manifest.RootElement.GetProperty("nativeBuilt").GetBoolean())
        {
            CollectionAssert.AreEqual(TinyModel.ExpectedOutput(), ProgramOutput.Values(printed, "gpu="), $"program output:\n{printed}");
        }
        else
        {
            StringAssert.Contains(build, "warning AIDGE4030");
            StringAssert.Contains(printed, "gpu not built: ");
            StringAssert.Contains(printed, "no nvcc found");
        }

        project.SetItems("""<AidgeModel Include="models/tiny.onnx" ClassName="TinyFpga" Backend="hls" ReuseFactor="0" />""");
        string failed = project.Build().ShouldFail().Output;
        StringAssert.Contains(failed, "error AIDGE4040");
        StringAssert.Contains(failed, "models/tiny.onnx");
        StringAssert.Contains(failed, "ReuseFactor");
    }

    [TestMethod]
    public void PrecisionReachesTheHlsDesign()
    {
        var project = ConsumerProject.Create(nameof(PrecisionReachesTheHlsDesign),
            """<AidgeModel Include="models/tiny.onnx" ClassName="TinyFixed" Backend="hls" Precision="fixed(16,6)" />""", "Console.WriteLine();");
        TinyModel.Write(project.PathOf("models/tiny.onnx"));

        // A valid precision reaches the HLS target, which names the node it has no fixed-point form for (the tiny model's Mul).
        string refused = project.Build().ShouldFail().Output;
        StringAssert.Matches(refused, new Regex(@"models/tiny\.onnx\S* ?: error AIDGE4046: node '[^']*': Mul "));

        project.SetItems("""<AidgeModel Include="models/tiny.onnx" ClassName="TinyFixed" Backend="hls" Precision="fixed(40,6)" />""");
        string failed = project.Build().ShouldFail().Output;
        StringAssert.Matches(failed, new Regex(@"models/tiny\.onnx\S* ?: error AIDGE4044: Precision 'fixed\(40,6\)'"));
    }
}
