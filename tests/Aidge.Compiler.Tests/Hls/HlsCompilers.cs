using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Tests.Hls;

/// <summary>What the HLS header tests share: the C++ compiler, their embedded check programs, running one on an input.</summary>
internal static class HlsCompilers
{
    /// <summary>CXX, g++ or clang++, or null when the machine has none.</summary>
    public static string? Cxx() =>
        CCompilerLocator.Resolve(Environment.GetEnvironmentVariable("CXX") is { Length: > 0 } cxx ? cxx : "g++") ?? CCompilerLocator.Resolve("clang++");

    /// <summary>A check program embedded from this folder.</summary>
    public static string Embedded(string file)
    {
        using var stream = typeof(HlsCompilers).Assembly.GetManifestResourceStream($"Aidge.Compiler.Tests.Hls.{file}")
            ?? throw new InvalidOperationException($"The check program {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="input"/> on stdin; its stdout.</summary>
    public static string RunProgram(string program, string input)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Assert.IsTrue(process.WaitForExit(TimeSpan.FromMinutes(2)), "The check program did not finish.");
        Assert.AreEqual(0, process.ExitCode, "The check program failed to read its input.");
        return output.Result;
    }
}
