using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aidge.Build.Tasks;

/// <summary>
/// Compiles one AidgeModel item: runs <c>dotnet aidgec.dll compile @response-file</c> and relays the compiler's
/// canonical diagnostics (code, file, line and column) to MSBuild. The task knows nothing of models: the
/// compiler is a separate process, so nothing of the product is loaded into, or locked by, MSBuild's nodes.
/// </summary>
public sealed class AidgeCompile : ToolTask
{
    private bool loggedCompilerDiagnosticError;
    private string? dotnetHost;

    /// <summary>The compiler's aidgec.dll.</summary>
    [Required]
    public string CompilerPath { get; set; } = "";

    /// <summary>The ONNX model (the AidgeModel item).</summary>
    [Required]
    public ITaskItem Model { get; set; } = null!;

    /// <summary>The folder the compiler writes the manifest, the sources and the library into.</summary>
    [Required]
    public string OutputDir { get; set; } = "";

    /// <summary>The manifest the compiler is expected to write (<c>&lt;ClassName or model stem&gt;.aidge.json</c>).</summary>
    [Required]
    public string Manifest { get; set; } = "";

    /// <summary>Where to write the response file; written only when the arguments change.</summary>
    [Required]
    public string ResponseFilePath { get; set; } = "";

    /// <summary>The code generation target, passed as <c>--target</c> (item metadata Backend: MSBuild reserves "Target").</summary>
    public string? Backend { get; set; }

    public string? ClassName { get; set; }

    public string? Namespace { get; set; }

    /// <summary>Symbolic dim bindings, <c>name=value</c> separated by semicolons.</summary>
    public string? Dims { get; set; }

    public string? Optimize { get; set; }

    /// <summary>The C compiler to use instead of the compiler's own search (CC, then gcc or clang).</summary>
    public string? CCompiler { get; set; }

    /// <summary>The quantization to apply (<c>int8</c>), passed as <c>--quantize</c>.</summary>
    public string? Quantize { get; set; }

    /// <summary>How activation ranges are estimated (minmax, percentile, mse, kl), passed as <c>--calibration</c>.</summary>
    public string? Calibration { get; set; }

    /// <summary>The calibration data file or folder, absolute (the targets resolve it against the project folder).</summary>
    public string? CalibrationData { get; set; }

    /// <summary>The pruning ratio with per-node overrides (<c>0.5;conv1=0.3</c>), passed whole as <c>--prune</c>.</summary>
    public string? Prune { get; set; }

    /// <summary>unstructured or channel, passed as <c>--prune-mode</c>.</summary>
    public string? PruneMode { get; set; }

    /// <summary>The inputs the build-time check compares the graphs on, absolute.</summary>
    public string? SampleInput { get; set; }

    /// <summary>The class labels of the sample inputs, absolute.</summary>
    public string? SampleLabels { get; set; }

    /// <summary>The top-1 agreement below which pruning or quantization warns, passed as <c>--min-agreement</c>.</summary>
    public string? MinAgreement { get; set; }

    /// <summary>The GPU architecture of Backend=cuda (<c>sm_NN</c>), passed as <c>--cuda-arch</c>.</summary>
    public string? CudaArch { get; set; }

    /// <summary>The nvcc, or the CUDA folder holding bin/nvcc (the AidgeCudaPath property), passed as <c>--nvcc</c>.</summary>
    public string? Nvcc { get; set; }

    /// <summary>HLS: multiplications per multiplier, passed as <c>--reuse-factor</c> (aidgec checks it: AIDGE4040).</summary>
    public string? ReuseFactor { get; set; }

    /// <summary>HLS: Latency or Resource, passed as <c>--strategy</c>.</summary>
    public string? Strategy { get; set; }

    /// <summary>HLS: parallel or stream, passed as <c>--io-type</c>.</summary>
    public string? IOType { get; set; }

    /// <summary>HLS: the clock period in ns, passed as <c>--clock-period</c>.</summary>
    public string? ClockPeriod { get; set; }

    /// <summary>HLS: the FPGA part of run_hls.tcl, passed as <c>--fpga-part</c>.</summary>
    public string? FpgaPart { get; set; }

    /// <summary>HLS: the fixed-point format float layers compute in (<c>fixed&lt;W,I&gt;</c>; empty = float), passed as <c>--precision</c> (aidgec checks it: AIDGE4044).</summary>
    public string? Precision { get; set; }

    /// <summary>Design-time builds: the manifest and sources only, no C compiler run.</summary>
    public bool NoNative { get; set; }

    /// <summary>The native library the compiler built, when it built one.</summary>
    [Output]
    public string? Library { get; set; }

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary>
    /// The compiler's stdout carries only its one summary line per model (diagnostics go to stderr), which a normal
    /// <c>dotnet build</c> should show, as the C# compiler's "X -> path" line is shown.
    /// </summary>
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    protected override string GenerateFullPathToTool() => dotnetHost ?? ToolName;

    public override bool Execute()
    {
        dotnetHost = DotnetHost.Find();
        if (!ValidateInputs())
        {
            return false;
        }
        ResponseFile.WriteIfChanged(ResponseFilePath, ResponseFile.Format(CompilerArguments()));
        return base.Execute() && ReadManifest();
    }

    protected override string GenerateCommandLineCommands()
    {
        var commandLine = new CommandLineBuilder();
        commandLine.AppendFileNameIfNotNull(Path.GetFullPath(CompilerPath));
        commandLine.AppendTextUnquoted(" compile");
        commandLine.AppendSwitchIfNotNull("@", Path.GetFullPath(ResponseFilePath));
        return commandLine.ToString();
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var diagnostic = CompilerOutputLine.TryParse(singleLine);
        if (diagnostic is null)
        {
            Log.LogMessage(messageImportance, singleLine);
            return;
        }
        // A line without a code comes from outside the compiler's diagnostics (usage or internal errors): it is
        // pinned to the model with this task's own code so that every error the user sees has one.
        var code = diagnostic.Code ?? BuildDiagnosticCodes.CompilerFailed;
        var file = diagnostic.Code is null ? Model.ItemSpec : diagnostic.Origin;
        if (diagnostic.IsError)
        {
            loggedCompilerDiagnosticError = true;
            Log.LogError(null, code, null, file, diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn, diagnostic.Text);
        }
        else
        {
            Log.LogWarning(null, code, null, file, diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn, diagnostic.Text);
        }
    }

    protected override bool HandleTaskExecutionErrors()
    {
        if (!loggedCompilerDiagnosticError)
        {
            LogModelError(BuildDiagnosticCodes.CompilerFailed,
                $"aidgec exited with code {ExitCode} without reporting an error for this model. " +
                $"Run '{GenerateFullPathToTool()} {GenerateCommandLineCommands()}' to see its output, and report it if it crashed.");
        }
        return false;
    }

    private bool ValidateInputs()
    {
        if (dotnetHost is null)
        {
            LogModelError(BuildDiagnosticCodes.DotnetHostNotFound,
                "the dotnet host that runs the Aidge compiler was not found: put dotnet on PATH or set DOTNET_HOST_PATH.");
            return false;
        }
        if (!File.Exists(CompilerPath))
        {
            LogModelError(BuildDiagnosticCodes.CompilerNotFound,
                $"the Aidge compiler was not found at '{CompilerPath}'. Restore the Aidge.Build package again, or set AidgeCompilerPath to an aidgec.dll.");
            return false;
        }
        return true;
    }

    private IEnumerable<string> CompilerArguments()
    {
        yield return Model.GetMetadata("FullPath");
        var valued = new[]
        {
            ("--target", Backend), ("--out", OutputDir), ("--class", ClassName), ("--namespace", Namespace), ("--optimize", Optimize), ("--cc", CCompiler),
            ("--quantize", Quantize), ("--calibration", Calibration), ("--calibration-data", CalibrationData), ("--prune", Prune), ("--prune-mode", PruneMode),
            ("--sample-input", SampleInput), ("--sample-labels", SampleLabels), ("--min-agreement", MinAgreement),
            ("--cuda-arch", CudaArch), ("--nvcc", Nvcc),
            ("--reuse-factor", ReuseFactor), ("--strategy", Strategy), ("--io-type", IOType), ("--clock-period", ClockPeriod), ("--fpga-part", FpgaPart), ("--precision", Precision),
        };
        foreach (var (option, value) in valued)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return option;
                yield return value.Trim();
            }
        }
        foreach (var dim in (Dims ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return "--dim";
            yield return dim;
        }
        if (NoNative)
        {
            yield return "--no-native";
        }
    }

    private bool ReadManifest()
    {
        try
        {
            Library = ManifestLibrary.Find(Manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            LogModelError(BuildDiagnosticCodes.ManifestUnreadable,
                $"aidgec succeeded but its manifest '{Manifest}' cannot be read ({e.Message}). Rebuild; if it persists, report it.");
            return false;
        }
        if (Library is not null && !File.Exists(Library))
        {
            LogModelError(BuildDiagnosticCodes.ManifestUnreadable,
                $"the manifest '{Manifest}' says the native library was built, but '{Library}' does not exist. Rebuild; if it persists, report it.");
            return false;
        }
        return true;
    }

    private void LogModelError(string code, string message) =>
        Log.LogError(null, code, null, Model.ItemSpec, 0, 0, 0, 0, message);
}
