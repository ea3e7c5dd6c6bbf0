using System.CommandLine;
using System.Globalization;
using Aidge.Compiler.Compilation;
using Aidge.Compiler.Inspection;
using Aidge.Core.Diagnostics;
using Aidge.Export.Toolchain;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Pruning;
using Aidge.Simulation.Calibration;

namespace Aidge.Compiler.Commands;

/// <summary>
/// <c>aidgec compile MODEL --target openmp --out DIR [--class NAME] [--namespace NS] [--dim NAME=VALUE]...
/// [--optimize O0|O1|O2|O3] [--cc PATH] [--no-native] [--no-verify] [--threads N] [--quantize int8]
/// [--calibration minmax|percentile|mse|kl] [--calibration-data PATH] [--prune RATIO[;NODE=RATIO...]]
/// [--prune-mode unstructured|channel] [--sample-input PATH] [--sample-labels PATH] [--min-agreement FRACTION]
/// [--no-report] [--cuda-arch sm_NN] [--nvcc PATH] [--reuse-factor N] [--strategy latency|resource]
/// [--io-type parallel|stream] [--clock-period NS] [--fpga-part PART] [--precision fixed&lt;W,I&gt;]</c>: native sources, library, manifest and report, with one summary line per model on stdout.
/// <c>aidgec report MODEL [the same options] --out DIR</c>: the report alone, without the export and native build (so
/// no measured latency).
/// </summary>
public static class CompileCommand
{
    public static Command Create() => Create("compile", "Compiles a model for a target: native sources, the native library, the manifest and the report.", reportOnly: false);

    public static Command CreateReport() => Create("report", "Writes a model's report (report.json, report.html) after the passes, without exporting or building it.", reportOnly: true);

    private static Command Create(string name, string description, bool reportOnly)
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The ONNX model file." };
        var target = new Option<string>("--target") { Description = $"The target to emit: {Targets.CompileTargets.Names}.", Required = !reportOnly, HelpName = CompileDriver.OpenMpTarget, DefaultValueFactory = _ => CompileDriver.OpenMpTarget };
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
        optimize.AcceptOnlyFromAmong([.. OptimizationLevels.Names]);
        var cc = new Option<string?>("--cc") { Description = "The C compiler (else CC, else gcc or clang on PATH).", HelpName = "PATH" };
        var noNative = new Option<bool>("--no-native") { Description = "Write sources and the manifest, but do not run the C compiler." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip the build-time checks: the optimized graph against the imported one, and the native library against the simulator." };
        var threads = new Option<int>("--threads") { Description = "The thread count a new context starts with (0 = the OpenMP default)." };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--threads must be 0 or more.");
            }
        });
        var quantize = new Option<string?>("--quantize") { Description = "Quantize weights and activations after the fp32 passes.", HelpName = "int8" };
        quantize.AcceptOnlyFromAmong("int8");
        var calibration = new Option<string>("--calibration") { Description = "How int8 activation ranges are estimated from the calibration data.", DefaultValueFactory = _ => CompileOptions.DefaultCalibration };
        calibration.AcceptOnlyFromAmong([.. CalibrationMethods.Names]);
        var calibrationData = new Option<FileSystemInfo?>("--calibration-data") { Description = "Calibration inputs: a .npy or .pb file, or a folder of them (else 32 seeded random samples, with a warning).", HelpName = "PATH" };
        var prune = new Option<string?>("--prune") { Description = "The fraction of weights to remove, with per-node overrides (e.g. 0.5;conv1=0.3).", HelpName = "RATIO[;NODE=RATIO...]" };
        var pruneMode = new Option<string>("--prune-mode") { Description = "Remove single weights by magnitude, or whole output channels.", DefaultValueFactory = _ => "unstructured" };
        pruneMode.AcceptOnlyFromAmong("unstructured", "channel");
        var sampleInput = new Option<FileSystemInfo?>("--sample-input") { Description = "Inputs the original and optimized graphs are compared on (else seeded random inputs).", HelpName = "PATH" };
        var sampleLabels = new Option<FileSystemInfo?>("--sample-labels") { Description = "The class index of every sample row (a .npy of integers), for accuracy figures.", HelpName = "PATH" };
        var minAgreement = new Option<double>("--min-agreement")
        {
            Description = "The top-1 agreement with the original model below which pruning or quantization gets a warning.",
            HelpName = "FRACTION",
            DefaultValueFactory = _ => CompileOptions.DefaultMinAgreement,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) && fraction is >= 0 and <= 1)
                {
                    return fraction;
                }
                result.AddError($"--min-agreement must be a fraction between 0 and 1, got '{text}'.");
                return 0;
            },
        };
        var cudaArch = new Option<string>("--cuda-arch") { Description = "The GPU architecture of --target cuda (nvcc's -arch).", HelpName = "sm_NN", DefaultValueFactory = _ => Export.Cuda.CudaSourceEmitter.DefaultArch };
        var nvcc = new Option<string?>("--nvcc") { Description = "The nvcc of --target cuda, or the CUDA folder holding bin/nvcc (else CUDA_PATH, then PATH).", HelpName = "PATH" };
        // The HLS target's options, texts checked in Bind: they come from item metadata, so a bad one is AIDGE4040 on the model.
        var reuseFactor = new Option<string?>("--reuse-factor") { Description = "HLS: multiplications per multiplier (1 = fully parallel).", HelpName = "N" };
        var strategy = new Option<string?>("--strategy") { Description = "HLS: Latency (pipelined inner loops, partitioned weights) or Resource (II=ReuseFactor, weights in BRAM).", HelpName = "latency|resource" };
        var ioType = new Option<string?>("--io-type") { Description = "HLS: layers exchange whole arrays (parallel) or FIFOs in a dataflow pipeline (stream).", HelpName = "parallel|stream" };
        var clockPeriod = new Option<string?>("--clock-period") { Description = $"HLS: the clock period in ns (default {Aidge.Export.Hls.HlsOptions.DefaultClockPeriod}).", HelpName = "NS" };
        var fpgaPart = new Option<string?>("--fpga-part") { Description = $"HLS: the FPGA part of run_hls.tcl (default {Aidge.Export.Hls.HlsOptions.DefaultFpgaPart}).", HelpName = "PART" };
        var precision = new Option<string?>("--precision") { Description = "HLS: compute the float layers in this fixed-point format, e.g. fixed<16,6>, fixed(16,6) or ap_fixed<16,6> (default: float).", HelpName = "fixed<W,I>" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write report.json and report.html (nor time the library for them)." };
        var command = new Command(name, description)
        {
            model, target, output, className, ns, dims, optimize, cc, noNative, noVerify, threads,
            quantize, calibration, calibrationData, prune, pruneMode, sampleInput, sampleLabels, minAgreement, cudaArch, nvcc,
            reuseFactor, strategy, ioType, clockPeriod, fpgaPart, precision,
        };
        if (!reportOnly)
        {
            command.Add(noReport);
        }
        command.SetAction(result => Bind(result, reportOnly, out var invalid) is { } options
            ? CompileDriver.Run(options, result.InvocationConfiguration.Error, result.InvocationConfiguration.Output)
            : Report(invalid!, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>
    /// The options of a parsed <c>compile</c> command line; null with the diagnostic when a value is malformed in a way
    /// the parser cannot see (--prune). That is a coded diagnostic on the model, not a usage error, because the value
    /// comes from an item's Prune metadata and the build must say which item and why.
    /// </summary>
    public static CompileOptions? Bind(ParseResult result, bool reportOnly, out Diagnostic? invalid)
    {
        string modelPath = result.GetValue<FileInfo>("MODEL")!.FullName;
        PruningSettings? pruning = null;
        invalid = null;
        if (result.GetValue<string?>("--prune") is { } pruneText)
        {
            var mode = result.GetValue<string>("--prune-mode") == "channel" ? PruneMode.Channel : PruneMode.Unstructured;
            pruning = PruneOption.TryParse(pruneText, mode, out string? pruneError);
            if (pruning is null)
            {
                invalid = Diagnostic.Error(DiagnosticCodes.InvalidOptionValue, $"{pruneError} Fix the Prune metadata (or --prune).", modelPath);
                return null;
            }
        }
        string arch = result.GetValue<string>("--cuda-arch")!;
        if (!CudaArch.IsValid(arch))
        {
            invalid = Diagnostic.Error(DiagnosticCodes.CudaArchInvalid, $"The CUDA architecture '{arch}' is not of the form sm_NN (e.g. sm_75, sm_86, sm_90a). Fix the CudaArch metadata (or --cuda-arch).", modelPath);
            return null;
        }
        var hls = Aidge.Export.Hls.HlsOptions.Parse(
            result.GetValue<string?>("--reuse-factor"),
            result.GetValue<string?>("--strategy"),
            result.GetValue<string?>("--io-type"),
            result.GetValue<string?>("--clock-period"),
            result.GetValue<string?>("--fpga-part"),
            out string? hlsError);
        if (hls is null)
        {
            invalid = Diagnostic.Error(DiagnosticCodes.InvalidHlsOption, $"{hlsError} Fix the item's metadata (or the aidgec option).", modelPath);
            return null;
        }
        if (!Aidge.Export.Hls.HlsOptions.ParsePrecision(result.GetValue<string?>("--precision"), out var fixedPoint, out string? precisionError))
        {
            invalid = Diagnostic.Error(DiagnosticCodes.InvalidPrecision, $"Precision {precisionError}. Fix the Precision metadata (or --precision): e.g. Precision=\"fixed(16,6)\", or leave it empty to compute in float.", modelPath);
            return null;
        }
        return new CompileOptions(
            modelPath,
            result.GetValue<string>("--target")!,
            result.GetValue<DirectoryInfo>("--out")!.FullName,
            result.GetValue<string?>("--class"),
            result.GetValue<string?>("--namespace"),
            DimBindings.TryParse(result.GetValue<string[]>("--dim") ?? [], out _)!,
            result.GetValue<string>("--optimize")!,
            result.GetValue<string?>("--cc"),
            result.GetValue<bool>("--no-native"),
            result.GetValue<int>("--threads"),
            result.GetValue<bool>("--no-verify"),
            NoReport: !reportOnly && result.GetValue<bool>("--no-report"),
            ReportOnly: reportOnly)
        {
            Quantize = result.GetValue<string?>("--quantize"),
            Calibration = result.GetValue<string>("--calibration")!,
            CalibrationData = result.GetValue<FileSystemInfo?>("--calibration-data")?.FullName,
            Pruning = pruning,
            SampleInput = result.GetValue<FileSystemInfo?>("--sample-input")?.FullName,
            SampleLabels = result.GetValue<FileSystemInfo?>("--sample-labels")?.FullName,
            MinAgreement = result.GetValue<double>("--min-agreement"),
            CudaArch = arch,
            Nvcc = result.GetValue<string?>("--nvcc"),
            Hls = hls with { Precision = fixedPoint },
        };
    }

    private static int Report(Diagnostic invalid, TextWriter error)
    {
        error.WriteLine(invalid);
        return AidgecCli.DiagnosticError;
    }
}
