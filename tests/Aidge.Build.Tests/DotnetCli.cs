using System.Diagnostics;
using System.Text;

namespace Aidge.Build.Tests;

/// <summary>The result of one <c>dotnet</c> command: its exit code and its stdout and stderr interleaved.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public CommandResult ShouldSucceed()
    {
        Assert.AreEqual(0, ExitCode, $"'{CommandLine}' failed:\n{Output}");
        return this;
    }

    public CommandResult ShouldFail()
    {
        Assert.AreNotEqual(0, ExitCode, $"'{CommandLine}' should have failed:\n{Output}");
        return this;
    }
}

/// <summary>
/// Runs the dotnet CLI as a child process with an isolated NuGet cache, no MSBuild node reuse (no build server
/// outlives a test and holds the package's task assembly) and a time limit, so a hung build fails the test.
/// </summary>
internal static class DotnetCli
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(8);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var commandLine = "dotnet " + string.Join(' ', arguments);
        if (!process.WaitForExit(TimeLimit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{commandLine}' did not finish within {TimeLimit.TotalMinutes} minutes:\n{output}");
        }
        process.WaitForExit();
        return new CommandResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
