using System.Diagnostics;
using System.Text;

namespace Aidge.Export.Toolchain;

/// <summary>The outcome of one compiler process: exit code (null when it was stopped at the time limit) and its messages.</summary>
public sealed record CompilerRunResult(int? ExitCode, string Messages)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The compiler's error lines first (they say what is wrong), then the rest, at most <paramref name="lines"/>.</summary>
    public string Summary(int lines = 12)
    {
        var all = Messages.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = all.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase));
        return string.Join(" | ", errors.Concat(all).Distinct().Take(lines));
    }
}

/// <summary>Runs a compiler with arguments in a working folder, capturing its output, within a time limit.</summary>
public static class CompilerRun
{
    public static CompilerRunResult Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // English messages, whatever the machine's locale, so diagnostics read the same everywhere.
        start.Environment["LC_ALL"] = "C";
        var messages = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(messages, e.Data);
        process.ErrorDataReceived += (_, e) => Append(messages, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CompilerRunResult(null, messages.ToString());
        }
        process.WaitForExit();
        return new CompilerRunResult(process.ExitCode, messages.ToString());
    }

    private static void Append(StringBuilder messages, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (messages)
        {
            messages.AppendLine(line);
        }
    }
}
