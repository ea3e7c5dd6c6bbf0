using Aidge.Compiler.Reporting;
using Aidge.Compiler.Targets;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Export.C;
using Aidge.Export.OpenMp;
using Aidge.Export.Toolchain;
using Aidge.Simulation.Report;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Compilation;

/// <summary>
/// <c>aidgec compile</c>: import, bind dims, shape inference, graph checker, the pass pipeline checked against the
/// imported graph (<see cref="OptimizeStep"/>), compile-time data, the target's checks (every
/// node supported, every shape static) before anything is written, emit, native build, the check of the built library
/// against the simulator and its timing, manifest, report (report.json, report.html) with its summary line on
/// <c>output</c>. Everything after the passes sees the optimized graph, so the manifest's parameters and MACs describe
/// the library that is built, not the file that was read. Diagnostics go to <c>error</c> one per line in MSBuild's
/// canonical form; returns 0, or 1 when any error was reported. <c>aidgec report</c>
/// (<see cref="CompileOptions.ReportOnly"/>) stops before the export.
/// </summary>
public static class CompileDriver
{
    public const string OpenMpTarget = "openmp";

    public static int Run(CompileOptions options, TextWriter error, TextWriter? output = null)
    {
        string file = Path.GetFullPath(options.ModelPath);
        var diagnostics = new List<Diagnostic>();
        int Finish()
        {
            foreach (var diagnostic in diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }
            return diagnostics.Any(d => d.Severity == Severity.Error) ? AidgecCli.DiagnosticError : AidgecCli.Success;
        }

        var target = CompileTargets.Find(options.Target);
        if (target is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownTarget, $"Unknown target '{options.Target}'; this compiler emits: {CompileTargets.Names}.", file));
            return Finish();
        }
        var (model, imported) = ModelImport.Load(options, file, diagnostics);
        var report = new ReportFacts { Before = GraphSnapshot.Of(model.Graph) };
        var optimized = OptimizeStep.Run(model, imported, options, file, diagnostics);
        report.Passes = ReportFacts.Rows(optimized.Records);
        report.Fidelity = optimized.Fidelity is { } fidelity ? ReportFacts.Section(fidelity) : null;
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return Finish();
        }
        var known = CompileTimeValues.Evaluate(model.Graph, optimized.Inference, file);
        bool IsConstant(Value value) => known.Of(value) is not null;
        // The report describes the memory plan of the OpenMP target, the reference for the other kernel-based ones.
        var memory = KernelMemory.Plan(model.Graph, known.Of, OpenMpEmitters.Target);
        report.Memory = ReportFacts.Section(memory.Figures);
        var folder = new OutputFolder(options.OutputDirectory);
        if (options.ReportOnly)
        {
            // Written even without an output writer (in-process callers): only the summary line needs one.
            string summary = ReportStep.Write(folder, options, model, report, IsConstant, file, diagnostics);
            output?.WriteLine(summary);
            return Finish();
        }

        string stem = ManifestNames.FileStem(options.ClassName ?? Path.GetFileNameWithoutExtension(file));
        string prefix = CIdentifiers.Sanitize(stem);
        var request = new TargetRequest(model.Graph, known.Of, prefix, file, options);
        var sources = target.Emit(request, folder, diagnostics);
        if (sources is null)
        {
            return Finish();
        }
        report.FixedPoint = sources.FixedPoint is { } fixedPoint ? ReportFacts.Section(fixedPoint, model.Graph) : null;
        string library = NativeLibraryNames.For(prefix);
        var native = options.NoNative
            ? new NativeOutcome(false, "--no-native: sources only", [])
            : target.Build(request, folder, sources, library);
        diagnostics.AddRange(native.Diagnostics);
        if (native.Built && !options.NoVerify)
        {
            diagnostics.Add(NativeVerification.Run(model.Graph, sources.Abi, folder.PathOf(library), file, sources.FixedPoint));
        }
        report.Measured = native.Built && !options.NoReport ? NativeTiming.Measure(folder.PathOf(library), sources.Abi, options.Threads, options.Target) : null;

        var facts = new ManifestFacts(file, options.ClassName, options.Namespace, options.Target, prefix, library, native.Built, native.Message);
        folder.WriteIfChanged($"{stem}.aidge.json", ManifestWriter.Write(model, facts), file);
        if (!options.NoReport)
        {
            // Written even without an output writer (in-process callers): only the summary line needs one.
            string summary = ReportStep.Write(folder, options, model, report, IsConstant, file, diagnostics);
            output?.WriteLine(summary);
        }
        return Finish();
    }
}
