using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Export.C;
using Aidge.Export.OpenMp;
using Aidge.Export.Toolchain;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Compilation;

/// <summary>
/// <c>aidgec compile</c>: import, bind dims, shape inference, graph checker, the pass pipeline checked against the
/// imported graph (<see cref="OptimizeStep"/>), compile-time data, the target's checks (every
/// node supported, every shape static) before anything is written, emit, native build, the check of the built library
/// against the simulator, manifest. Everything after the passes sees the optimized graph, so the manifest's parameters
/// and MACs describe the library that is built, not the file that was read. Diagnostics go to <c>error</c> one per
/// line in MSBuild's canonical form; returns 0, or 1 when any error was reported.
/// </summary>
public static class CompileDriver
{
    public const string OpenMpTarget = "openmp";

    public static int Run(CompileOptions options, TextWriter error)
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

        if (options.Target != OpenMpTarget)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownTarget, $"Unknown target '{options.Target}'; this compiler emits: {OpenMpTarget}.", file));
            return Finish();
        }
        var (model, imported) = ModelImport.Load(options, file, diagnostics);
        var optimized = OptimizeStep.Run(model, imported, options, file, diagnostics);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return Finish();
        }
        var known = CompileTimeValues.Evaluate(model.Graph, optimized.Inference, file);

        string stem = ManifestNames.FileStem(options.ClassName ?? Path.GetFileNameWithoutExtension(file));
        string prefix = CIdentifiers.Sanitize(stem);
        var planned = OpenMpPlanner.Plan(model.Graph, known.Of, OpenMpMemory.Plan(model.Graph, known.Of), prefix, file, threads: options.Threads);
        diagnostics.AddRange(planned.Diagnostics);
        if (planned.Plan is null)
        {
            return Finish();
        }

        var folder = new OutputFolder(options.OutputDirectory);
        bool sourcesChanged = false;
        var files = OpenMpSourceEmitter.Emit(planned.Plan, file);
        foreach (var generated in files)
        {
            sourcesChanged |= folder.WriteIfChanged(Path.Combine("native", generated.RelativePath), generated.Content, file);
        }
        string library = NativeLibraryNames.For(prefix);
        var native = options.NoNative
            ? new NativeOutcome(false, "--no-native: sources only", [])
            : NativeStep.Build(folder, files.Where(f => f.RelativePath.EndsWith(".c", StringComparison.Ordinal)).Select(f => f.RelativePath).ToList(), library, sourcesChanged, options);
        diagnostics.AddRange(native.Diagnostics);
        if (native.Built && !options.NoVerify)
        {
            diagnostics.Add(NativeVerification.Run(model.Graph, planned.Plan, folder.PathOf(library), file));
        }

        var facts = new ManifestFacts(file, options.ClassName, options.Namespace, options.Target, prefix, library, native.Built, native.Message);
        folder.WriteIfChanged($"{stem}.aidge.json", ManifestWriter.Write(model, facts), file);
        return Finish();
    }
}
