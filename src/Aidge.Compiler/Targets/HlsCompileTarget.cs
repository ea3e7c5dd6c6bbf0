using Aidge.Compiler.Compilation;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.Hls;
using Aidge.Export.Toolchain;

namespace Aidge.Compiler.Targets;

/// <summary>
/// <c>--target hls</c>: synthesizable C++ for Vitis HLS (<see cref="HlsSourceEmitter"/>: the design, its testbench and
/// run_hls.tcl), and as the native library its C simulation: the design's C++ and a C ABI around its top, built with the
/// machine's C++ compiler (CXX, g++, clang++), so the generated C# class runs the arithmetic the FPGA will run.
/// </summary>
public sealed class HlsCompileTarget : ICompileTarget
{
    public string Name => "hls";

    public TargetSources? Emit(TargetRequest request, OutputFolder folder, List<Diagnostic> diagnostics) =>
        KernelTargetSteps.Plan(request, HlsEmitters.Target, diagnostics) is { } plan
            ? KernelTargetSteps.Write(folder, plan.Abi, HlsSourceEmitter.Emit(plan, request.Options.Hls, request.File), request.File)
            : null;

    public NativeOutcome Build(TargetRequest request, OutputFolder folder, TargetSources sources, string library)
    {
        var compiler = CCompilerLocator.FindCxx(null, out string? missing);
        var toolchain = new NativeToolchain("C++ compiler", compiler, missing, "CXX", "set CXX, or install g++ or clang++",
            DiagnosticCodes.NoCxxCompiler, DiagnosticCodes.NoCxxCompiler, DiagnosticCodes.CxxCompilerFailed, DiagnosticCodes.CxxCompilerTimedOut, "native/csim.stamp");
        return NativeStep.Build(folder, toolchain, library, sources.Changed, request.File,
            temporary => CsimBuild.SharedLibraryArguments([HlsSourceEmitter.LibrarySource(request.Prefix)], temporary));
    }
}
