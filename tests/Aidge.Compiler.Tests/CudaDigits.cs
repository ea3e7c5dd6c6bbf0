using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>The Digits sample through <c>aidgec compile --target cuda</c>, as the CUDA target's tests run it.</summary>
public static class CudaDigits
{
    /// <summary>Compiles Digits (class Digits, no report) into <paramref name="output"/>; the exit code and the diagnostics.</summary>
    public static (int Code, string Error) Compile(string output, params string[] options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = AidgecCli.Run(["compile", DigitsSample.ModelPath, "--target", "cuda", "--class", "Digits", "--no-report", "--out", output, .. options], stdout, stderr);
        return (code, stderr.ToString());
    }
}
