using System.CommandLine;
using Aidge.Compiler.Compilation;
using Aidge.Compiler.Inspection;

namespace Aidge.Compiler.Commands;

/// <summary>
/// <c>aidgec compile MODEL --target openmp --out DIR [--class NAME] [--namespace NS] [--dim NAME=VALUE]...
/// [--optimize O0|O1|O2|O3] [--cc PATH] [--no-native] [--no-verify] [--threads N] [--no-report]</c>: native sources,
/// library, manifest and report, with one summary line per model on stdout. <c>aidgec report MODEL [the same options]
/// --out DIR</c>: the report alone, without the export and native build (so no measured latency).
/// </summary>
public static class CompileCommand
{
    public static Command Create() => Create("compile", "Compiles a model for a target: native sources, the native library, the manifest and the report.", reportOnly: false);

    public static Command CreateReport() => Create("report", "Writes a model's report (report.json, report.html) after the passes, without exporting or building it.", reportOnly: true);

    private static Command Create(string name, string description, bool reportOnly)
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The ONNX model file." };
        var target = new Option<string>("--target") { Description = "The target to emit.", Required = !reportOnly, HelpName = CompileDriver.OpenMpTarget, DefaultValueFactory = _ => CompileDriver.OpenMpTarget };
        var output = new Option<DirectoryInfo>("--out") { Description = "The output folder (created); nothing is written outside it.", Required = true };
        var className = new Option<string?>("--class") { Description = "The C# class name the generator will use (recorded in the manifest)." };
        var ns = new Option<string?>("--namespace") { Description = "The namespace of the generated class (recorded in the manifest)." };
        var dims = new Option<string[]>("--dim") { Description = "A value for a symbolic input dimension, as NAME=VALUE (repeatable).", HelpName = "NAME=VALUE" };
        dims.Validators.Add(result =>
        {
            if (DimBindings.TryParse(result.GetValueOrDefault<string[]>() ?? [], out string? error) is null)
            {
                result.AddError(error!);
            }
        });
        var optimize = new Option<string>("--optimize") { Description = "The optimization level.", DefaultValueFactory = _ => "O2" };
        optimize.AcceptOnlyFromAmong("O0", "O1", "O2", "O3");
        var cc = new Option<string?>("--cc") { Description = "The C compiler (else CC, else gcc or clang on PATH).", HelpName = "PATH" };
        var noNative = new Option<bool>("--no-native") { Description = "Write sources and the manifest, but do not run the C compiler." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip the build-time check of the native library against the simulator on random inputs." };
        var threads = new Option<int>("--threads") { Description = "The thread count a new context starts with (0 = the OpenMP default)." };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--threads must be 0 or more.");
            }
        });
        var noReport = new Option<bool>("--no-report") { Description = "Do not write report.json and report.html (nor time the library for them)." };
        var command = new Command(name, description)
        {
            model, target, output, className, ns, dims, optimize, cc, noNative, noVerify, threads,
        };
        if (!reportOnly)
        {
            command.Add(noReport);
        }
        command.SetAction(result =>
        {
            var options = new CompileOptions(
                result.GetValue(model)!.FullName,
                result.GetValue(target)!,
                result.GetValue(output)!.FullName,
                result.GetValue(className),
                result.GetValue(ns),
                DimBindings.TryParse(result.GetValue(dims) ?? [], out _)!,
                result.GetValue(optimize)!,
                result.GetValue(cc),
                result.GetValue(noNative),
                result.GetValue(threads),
                result.GetValue(noVerify),
                NoReport: !reportOnly && result.GetValue(noReport),
                ReportOnly: reportOnly);
            return CompileDriver.Run(options, result.InvocationConfiguration.Error, result.InvocationConfiguration.Output);
        });
        return command;
    }
}
