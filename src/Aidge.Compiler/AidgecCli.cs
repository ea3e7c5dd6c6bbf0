using System.CommandLine;
using Aidge.Compiler.Commands;
using Aidge.Core.Diagnostics;

namespace Aidge.Compiler;

/// <summary>
/// The <c>aidgec</c> command line. Exit codes: 0 success, 1 a model or input error reported as a diagnostic,
/// 2 bad usage or an internal error. No exception escapes: the build task reads diagnostics, not stack traces.
/// </summary>
public static class AidgecCli
{
    public const int Success = 0;
    public const int DiagnosticError = 1;
    public const int UsageOrInternalError = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show internal error details.", Recursive = true };
        var root = new RootCommand("aidgec: the Aidge.Build compiler driver.")
        {
            verbose,
            CompileCommand.Create(),
            CompileCommand.CreateReport(),
            InspectCommand.Create(),
            OpsCommand.Create(),
            PassesCommand.Create(),
        };
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"aidgec: error: {parseError.Message}");
            }
            error.WriteLine("Run 'aidgec --help' for usage.");
            return UsageOrInternalError;
        }
        try
        {
            return parsed.Invoke(configuration);
        }
        catch (AidgeException e)
        {
            error.WriteLine(e.Diagnostic.ToString());
            return DiagnosticError;
        }
        catch (Exception e)
        {
            // The last line of defence: any other failure is a bug, reported without crashing the caller.
            error.WriteLine($"aidgec: error: internal error: {e.Message}");
            error.WriteLine(parsed.GetValue(verbose) ? e.ToString() : "Run again with --verbose for details.");
            return UsageOrInternalError;
        }
    }
}
