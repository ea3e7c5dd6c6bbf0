using Aidge.Core.Tensors;
using Aidge.Export.Hls;
using Aidge.Export.Toolchain;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>
/// The Digits sample through the HLS target: the C-simulation library (the design's C++ built with g++) runs from C#
/// and classifies the held-out set as PyTorch did, agreeing with ONNX Runtime on every logit, under both IO types; and
/// the emitted testbench, built on its own, passes against the simulator's outputs and fails on wrong ones.
/// </summary>
[TestClass]
public sealed class HlsDigitsTests : CsimTest
{
    private const double Agreement = 1e-4;

    protected override string FolderPrefix => "aidge-hls-digits-";

    [TestMethod]
    [DataRow("parallel", "latency", "1")]
    [DataRow("stream", "resource", "4")]
    public void CsimLibraryMatchesPyTorchAccuracyAndOnnxRuntimeLogits(string ioType, string strategy, string reuseFactor)
    {
        var hls = HlsOptions.Parse(reuseFactor, strategy, ioType, null, null, out string? error) ?? throw new AssertFailedException(error!);
        var library = GeneratedLibrary.Compile(DigitsSample.ModelPath, Folder, "hls", o => o with { Hls = hls });
        using var native = new NativeModel(library.Path, library.Prefix);

        var (correct, disagreements) = DigitsSample.Evaluate(native, Agreement);

        Assert.IsEmpty(disagreements, string.Join(Environment.NewLine, disagreements));
        Assert.AreEqual(DigitsSample.PyTorchCorrect, correct, $"The HLS C simulation classified {correct} held-out digits correctly; PyTorch did {DigitsSample.PyTorchCorrect}.");
        string source = File.ReadAllText(Path.Combine(Folder, "native", $"{library.Prefix}.cpp"));
        Assert.AreEqual(ioType == "stream", source.Contains("#pragma HLS DATAFLOW", StringComparison.Ordinal), "DATAFLOW exactly in stream mode");
    }

    [TestMethod]
    public void TestbenchPassesOnTheSimulatorsOutputsAndFailsOnWrongOnes()
    {
        var library = GeneratedLibrary.Compile(DigitsSample.ModelPath, Folder, "hls", o => o);
        string native = Path.Combine(Folder, "native");
        string prefix = library.Prefix;
        string tcl = File.ReadAllText(Path.Combine(native, "run_hls.tcl"));
        StringAssert.Contains(tcl, $"set_top {prefix}_top");
        StringAssert.Contains(tcl, $"add_files -tb {prefix}_tb.cpp");
        StringAssert.Contains(tcl, $"set_part {{{HlsOptions.DefaultFpgaPart}}}");
        StringAssert.Contains(tcl, "create_clock -period 5 ");
        foreach (string step in new[] { "csim_design", "csynth_design", "export_design -format ip_catalog" })
        {
            StringAssert.Contains(tcl, step);
        }

        var compiler = CCompilerLocator.FindCxx(null, out _)!;
        var build = CompilerRun.Run(compiler.Path, ["-std=c++17", "-O2", "-I.", $"{prefix}.cpp", $"{prefix}_tb.cpp", "-o", "tb", "-lm"], native, NativeBuild.Timeout);
        Assert.IsTrue(build.Succeeded, build.Summary());

        var heldOut = DigitsSample.LoadHeldOut();
        float[] image = heldOut.Image(3).ToArray();
        var simulator = new SimulatorModel(File.ReadAllBytes(DigitsSample.ModelPath));
        float[] expected = simulator.Run(DigitsSample.Feeds(image))[0].Span<float>().ToArray();
        File.WriteAllBytes(Path.Combine(native, "input.bin"), Bytes(image));
        File.WriteAllBytes(Path.Combine(native, "expected.bin"), Bytes(expected));
        expected[7] += 0.5f;
        File.WriteAllBytes(Path.Combine(native, "wrong.bin"), Bytes(expected));

        string tb = Path.Combine(native, "tb");
        var pass = CompilerRun.Run(tb, ["input.bin", "expected.bin"], native, TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, pass.ExitCode, pass.Messages);
        StringAssert.Contains(pass.Messages, "PASSED");
        var fail = CompilerRun.Run(tb, ["input.bin", "wrong.bin"], native, TimeSpan.FromMinutes(1));
        Assert.AreEqual(1, fail.ExitCode, fail.Messages);
        StringAssert.Contains(fail.Messages, "MISMATCH output 0[7]");
        var missing = CompilerRun.Run(tb, ["no-such-file.bin"], native, TimeSpan.FromMinutes(1));
        Assert.AreEqual(2, missing.ExitCode, missing.Messages);
    }

    private static byte[] Bytes(float[] values) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
