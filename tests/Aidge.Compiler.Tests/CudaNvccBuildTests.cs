using System.Text.Json;
using Aidge.Core.Diagnostics;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The nvcc half of <c>--target cuda</c> without a GPU or nvcc: a CUDA folder whose bin/nvcc is a script standing in
/// for it. The script logs its command line and builds the .cu it is given in emulation (aidge_cuda.h's
/// AIDGE_CUDA_EMULATE, with the machine's C++ compiler), so the driver's whole path runs for real: the nvcc command
/// line, the library it writes, the build-time check of that library against the simulator (the host runtime and the
/// kernels computing Digits), the manifest, incrementality, and an nvcc failure.
/// </summary>
[TestClass]
public sealed class CudaNvccBuildTests
{
    private string folder = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-nvcc-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestMethod]
    public void NvccBuildsTheLibraryThatPassesTheBuildTimeCheckOnce()
    {
        string cuda = FakeCuda(exitCode: 0);
        var (code, error) = Compile("--cuda-arch", "sm_86", "--nvcc", cuda);
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, "agrees with the simulator");
        Assert.IsFalse(error.Contains(DiagnosticCodes.NoNvcc, StringComparison.Ordinal), error);
        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "out", "Digits.aidge.json"))))
        {
            Assert.IsTrue(manifest.RootElement.GetProperty("nativeBuilt").GetBoolean());
            Assert.IsTrue(File.Exists(Path.Combine(folder, "out", manifest.RootElement.GetProperty("library").GetString()!)));
        }
        var calls = File.ReadAllLines(Path.Combine(folder, "nvcc.log"));
        Assert.HasCount(1, calls);
        StringAssert.Contains(calls[0], "-shared -Xcompiler -fPIC -O3 -arch=sm_86 digits.cu -o ");

        // Nothing changed: nvcc does not run again.
        (code, error) = Compile("--cuda-arch", "sm_86", "--nvcc", cuda);
        Assert.AreEqual(0, code, error);
        Assert.HasCount(1, File.ReadAllLines(Path.Combine(folder, "nvcc.log")));
    }

    [TestMethod]
    public void AFailingNvccIsAnErrorWithItsMessages()
    {
        string cuda = FakeCuda(exitCode: 2);
        var (code, error) = Compile("--nvcc", Path.Combine(cuda, "bin", "nvcc"));
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error, DiagnosticCodes.NvccFailed);
        StringAssert.Contains(error, "nvcc fatal: stand-in failure");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "out", "Digits.aidge.json")));
        Assert.IsFalse(manifest.RootElement.GetProperty("nativeBuilt").GetBoolean());
    }

    /// <summary>A CUDA folder whose bin/nvcc logs its arguments, then fails with a message or builds in emulation.</summary>
    private string FakeCuda(int exitCode)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("The stand-in nvcc is a shell script.");
        }
        var cxx = CCompilerLocator.FindCxx(null, out _);
        if (cxx is null)
        {
            Assert.Inconclusive("No C++ compiler (CXX, g++ or clang++) to build the CUDA sources in emulation.");
            return "";
        }
        string cuda = Path.Combine(folder, "cuda");
        string script = Path.Combine(cuda, "bin", "nvcc");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        string build = exitCode == 0
            ? $"exec '{cxx.Path}' {string.Join(' ', CudaEmulatedBuild.SharedLibraryArguments(["\"$source\""], "\"$output\""))}"
            : $"echo 'nvcc fatal: stand-in failure' >&2; exit {exitCode}";
        File.WriteAllText(script, $$"""
            #!/bin/sh
            echo "$@" >> '{{Path.Combine(folder, "nvcc.log")}}'
            source=""; output=""
            while [ $# -gt 0 ]; do
              case "$1" in
                -o) output="$2"; shift 2 ;;
                *.cu) source="$1"; shift ;;
                *) shift ;;
              esac
            done
            {{build}}
            """.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return cuda;
    }

    private (int Code, string Error) Compile(params string[] options) => CudaDigits.Compile(Path.Combine(folder, "out"), options);
}
