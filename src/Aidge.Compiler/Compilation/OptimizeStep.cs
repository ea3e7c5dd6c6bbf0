using Aidge.Compiler.Data;
using Aidge.Compiler.Verification;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Quantization;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Compilation;

/// <summary>
/// The middle of <c>aidgec compile</c>: the fp32 passes of the optimization level, then pruning when asked, then int8
/// quantization with ranges calibrated on the pruned graph (<see cref="CalibrationStep"/>), each stage checked by
/// <see cref="PassVerification"/> against the imported graph (unless <c>--no-verify</c>): the fp32 graph must agree
/// within tolerance (else AIDGE3010 names the pass), and what pruning and quantization cost is measured and reported.
/// </summary>
public static class OptimizeStep
{
    /// <summary>What the step did: the inference of the final graph, every pass as it ran, and the fidelity figures (null when not measured).</summary>
    public sealed record Outcome(ShapeInference Inference, IReadOnlyList<PassRecord> Records, FidelityReport? Fidelity);

    public static Outcome Run(Model model, ShapeInference inference, CompileOptions options, string file, List<Diagnostic> diagnostics)
    {
        var graph = model.Graph;
        var fp32 = OptimizationLevels.PassesOf(options.Optimize).Select(PassRegistry.Default.Get).ToList();
        // The builder appends pruning to the level; quantization is run apart because its settings hold the ranges
        // calibration measures on the graph as pruning leaves it.
        var pruning = PipelineBuilder.Build(options.Optimize, NewContext(options, file)).Skip(fp32.Count).ToList();
        bool quantize = options.Quantize is not null;
        if (fp32.Count == 0 && pruning.Count == 0 && !quantize)
        {
            return new Outcome(inference, [], null);
        }
        var verification = options.NoVerify ? null : PassVerification.Start(graph, () => Samples(graph, options, file, diagnostics), file, diagnostics);
        var context = NewContext(options, file);
        var records = RunPasses(graph, fp32, context, diagnostics);
        if (records is null)
        {
            return new Outcome(context.Inference, [], null);
        }
        if (verification is not null && fp32.Count > 0)
        {
            var bisection = new PassBisection(() => ModelImport.Load(options, file, []).Model.Graph, fp32, () => NewContext(options, file));
            diagnostics.Add(verification.CheckEquivalence(graph, bisection));
            if (diagnostics[^1].Severity == Severity.Error)
            {
                return new Outcome(context.Inference, records, null);
            }
        }
        if (pruning.Count == 0 && !quantize)
        {
            return new Outcome(context.Inference, records, null);
        }
        var reduced = RunPasses(graph, pruning, context, diagnostics);
        if (quantize && reduced is not null)
        {
            context = NewContext(options, file, CalibrationStep.Run(graph, options, file, diagnostics));
            reduced = RunPasses(graph, [PassRegistry.Default.Get(PipelineBuilder.Int8Quantization)], context, diagnostics) is { } quantized ? [.. reduced, .. quantized] : null;
        }
        if (reduced is null)
        {
            return new Outcome(context.Inference, records, null);
        }
        records.AddRange(reduced);
        var fidelity = verification?.MeasureFidelity(graph, pruning.Count > 0, quantize, options.MinAgreement, diagnostics);
        return new Outcome(context.Inference, records, fidelity);
    }

    /// <summary>The records, or null after adding the AIDGE2001 of a failing pass (with the warnings passes gave before it).</summary>
    private static List<PassRecord>? RunPasses(Graph graph, IReadOnlyList<IPass> passes, PassContext context, List<Diagnostic> diagnostics)
    {
        int warningsSeen = context.Diagnostics.Count;
        try
        {
            return [.. PassManager.Run(graph, passes, context)];
        }
        catch (AidgeException e)
        {
            diagnostics.Add(e.Diagnostic);
            return null;
        }
        finally
        {
            diagnostics.AddRange(context.Diagnostics.Skip(warningsSeen));
        }
    }

    private static PassContext NewContext(CompileOptions options, string file, QuantizationSettings? quantization = null) => new(file)
    {
        Evaluator = new KernelNodeEvaluator(file),
        Pruning = options.Pruning,
        Quantization = quantization,
    };

    private static VerificationSamples Samples(Graph graph, CompileOptions options, string file, List<Diagnostic> diagnostics)
    {
        var inputs = InputSlot.Of(graph, file);
        if (options.SampleInput is { } path)
        {
            return VerificationSamples.Load(path, options.SampleLabels, inputs);
        }
        if (options.SampleLabels is not null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.DataMismatch, "SampleLabels (--sample-labels) is ignored without SampleInput (--sample-input): labels need the inputs they belong to.", file));
        }
        return VerificationSamples.Random(inputs);
    }
}
