using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Hls;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Targets;

/// <summary>
/// <c>--target hls</c>: synthesizable C++ for Vitis HLS (<see cref="HlsSourceEmitter"/>: the design, its testbench and
/// run_hls.tcl), and as the native library its C simulation: the design's C++ and a C ABI around its top, built with the
/// machine's C++ compiler (CXX, g++, clang++), so the generated C# class runs the arithmetic the FPGA will run. With a
/// Precision (<see cref="HlsOptions.Precision"/>) a float graph becomes a fixed-point design (<see cref="FixedPointBuild"/>:
/// planned with <see cref="HlsEmitters.FixedTarget"/>), and its sources carry the error bound the build-time check uses;
/// an int8-quantized graph keeps its integer layers and the precision is ignored with AIDGE4045.
/// </summary>
public sealed class HlsCompileTarget : ICompileTarget
{
    public string Name => "hls";

    public TargetSources? Emit(TargetRequest request, OutputFolder folder, List<Diagnostic> diagnostics)
    {
        var options = request.Options.Hls;
        FixedPointBuild? fixedPoint = null;
        if (options.Precision is { } precision)
        {
            if (FixedPointBuild.IsQuantized(request.Graph))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.PrecisionIgnored,
                    $"Precision '{precision}' is ignored: the graph is int8-quantized, and its quantized layers compute in integers bit-exactly. Remove either the Precision or the Quantize metadata.", request.File));
                options = options with { Precision = null };
            }
            else
            {
                fixedPoint = FixedPointBuild.Analyze(request.Graph, request.Known, precision, request.File, diagnostics);
                if (fixedPoint is null)
                {
                    return null;
                }
            }
        }
        var target = fixedPoint is null ? HlsEmitters.Target : HlsEmitters.FixedTarget;
        if (KernelTargetSteps.Plan(request, target, diagnostics) is not { } plan)
        {
            return null;
        }
        var files = HlsSourceEmitter.Emit(plan, options, request.File, fixedPoint);
        return KernelTargetSteps.Write(folder, plan.Abi, files, request.File) with { FixedPoint = fixedPoint };
    }

    public NativeOutcome Build(TargetRequest request, OutputFolder folder, TargetSources sources, string library)
    {
        var compiler = CCompilerLocator.FindCxx(null, out string? missing);
        var toolchain = new NativeToolchain("C++ compiler", compiler, missing, "CXX", "set CXX, or install g++ or clang++",
            DiagnosticCodes.NoCxxCompiler, DiagnosticCodes.NoCxxCompiler, DiagnosticCodes.CxxCompilerFailed, DiagnosticCodes.CxxCompilerTimedOut, "native/csim.stamp");
        return NativeStep.Build(folder, toolchain, library, sources.Changed, request.File,
            temporary => CsimBuild.SharedLibraryArguments([HlsSourceEmitter.LibrarySource(request.Prefix)], temporary));
    }
}
