using System.Text.Json;
using Aidge.Core.Diagnostics;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// <c>aidgec compile --target cuda</c> on the Digits sample without a GPU: the emitted .cu compiles to PTX with clang,
/// a machine without nvcc gets sources, one warning and a manifest saying the library was not built, bad options are
/// coded errors, and the sources are the same bytes on every emit.
/// </summary>
[TestClass]
public sealed class CudaTargetTests
{
    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-cuda-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestMethod]
    public void DigitsDeviceCodeCompilesToPtxWithEveryKernel()
    {
        string? clang = PtxCompiler.Find();
        if (clang is null)
        {
            Assert.Inconclusive(PtxCompiler.MissingMessage);
            return;
        }
        var (code, error) = Compile("out", "--no-native");
        Assert.AreEqual(0, code, error);
        string native = Path.Combine(folder, "out", "native");
        var result = PtxCompiler.Compile(clang, native, "digits.cu", "digits.ptx", "sm_70");
        Assert.IsTrue(result.Succeeded, result.Messages);
        var entries = PtxCompiler.Entries(File.ReadAllText(Path.Combine(native, "digits.ptx")));
        // Digits: a single-channel first conv (direct), a 16-channel conv (implicit GEMM), a max pool and the classifier GEMM.
        foreach (string kernel in new[] { "aidge_cu_conv_depthwise_kernel", "aidge_cu_conv_kernel", "aidge_cu_pool_kernel", "aidge_cu_gemm_kernel" })
        {
            Assert.IsTrue(entries.Any(e => e.Contains(kernel, StringComparison.Ordinal)), $"No .entry for {kernel} in the PTX; entries: {string.Join(", ", entries)}");
        }
    }

    [TestMethod]
    public void WithoutNvccTheSourcesAreWrittenWithOneWarningAndNoLibrary()
    {
        if (NvccLocator.Find(null, out _) is { } nvcc)
        {
            Assert.Inconclusive($"nvcc is installed ({nvcc.Path}, from {nvcc.Source}): the path without nvcc cannot be observed on this machine.");
        }
        var (code, error) = Compile("out", "--no-verify");
        Assert.AreEqual(0, code, error);
        Assert.AreEqual(1, Occurrences(error, DiagnosticCodes.NoNvcc), error);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "out", "Digits.aidge.json")));
        Assert.IsFalse(manifest.RootElement.GetProperty("nativeBuilt").GetBoolean());
        StringAssert.Contains(manifest.RootElement.GetProperty("nativeMessage").GetString(), "nvcc");
        foreach (string file in new[] { "digits.h", "digits.cu", "aidge_cuda.h", "digits.weights.bin", "CMakeLists.txt" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(folder, "out", "native", file)), file);
        }
        Assert.IsFalse(File.Exists(Path.Combine(folder, "out", NativeLibraryNames.For("digits"))), "a library was written without nvcc");
    }

    [TestMethod]
    public void AnNvccPathThatDoesNotExistIsAnError()
    {
        var (code, error) = Compile("out", "--no-verify", "--nvcc", Path.Combine(folder, "no-such-cuda", "bin", "nvcc"));
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error, DiagnosticCodes.NvccMissing);
    }

    [TestMethod]
    [DataRow("compute_70")]
    [DataRow("sm_7")]
    [DataRow("sm_70;rm -rf")]
    public void ABadCudaArchIsAnErrorBeforeAnythingIsWritten(string arch)
    {
        var (code, error) = Compile("out", "--cuda-arch", arch);
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error, DiagnosticCodes.CudaArchInvalid);
        StringAssert.Contains(error, "CudaArch");
        Assert.IsFalse(Directory.Exists(Path.Combine(folder, "out", "native")));
    }

    [TestMethod]
    public void EmittedSourcesAreTheSameBytesEveryTimeAndFollowTheArch()
    {
        var (code, error) = Compile("first", "--no-native", "--cuda-arch", "sm_86");
        Assert.AreEqual(0, code, error);
        (code, error) = Compile("second", "--no-native", "--cuda-arch", "sm_86");
        Assert.AreEqual(0, code, error);
        var first = Snapshot("first");
        var second = Snapshot("second");
        CollectionAssert.AreEqual(first.Keys.ToList(), second.Keys.ToList());
        foreach (var (name, bytes) in first)
        {
            CollectionAssert.AreEqual(bytes, second[name], name);
        }
        StringAssert.Contains(System.Text.Encoding.UTF8.GetString(first["CMakeLists.txt"]), "CUDA_ARCHITECTURES 86");
        // The header documents the CUDA target's own return value.
        StringAssert.Contains(System.Text.Encoding.UTF8.GetString(first["digits.h"]), "2 on a CUDA error");
    }

    private (int Code, string Error) Compile(string output, params string[] options) => CudaDigits.Compile(Path.Combine(folder, output), options);

    private SortedDictionary<string, byte[]> Snapshot(string output)
    {
        string native = Path.Combine(folder, output, "native");
        return new(Directory.GetFiles(native).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);
    }

    private static int Occurrences(string text, string code) => text.Split(code).Length - 1;
}
