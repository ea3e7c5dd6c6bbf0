using System.Globalization;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Passes.Pipeline;

namespace Aidge.Compiler.Verification;

/// <summary>
/// The build-time check of the pass pipeline. <see cref="Start"/> runs the imported graph in the simulator on the
/// samples before any pass touches it; then
/// <list type="bullet">
/// <item><see cref="CheckEquivalence"/> requires the fp32-optimized graph to compute the same outputs within
/// <see cref="OutputComparison"/>'s tolerance, else error AIDGE3010 naming the first pass that broke it (found by
/// <see cref="PassBisection"/>);</item>
/// <item><see cref="MeasureFidelity"/> measures what pruning and quantization cost (top-1 agreement, SNR, accuracy
/// against labels) and warns (AIDGE3011) when agreement falls below the threshold.</item>
/// </list>
/// <para>
/// The tolerance is the native check's: passes reorder floating-point arithmetic (a BatchNormalization folded into
/// the weights rounds once where the original rounded twice, a fused epilogue sums in another order) much as the C
/// kernels do, which moves outputs by a few ulps of their scale, while a wrong rewrite moves them by their own scale.
/// </para>
/// <para>
/// Budgets are the native check's: no check above <see cref="NativeVerification.MaxMacs"/>; the imported graph runs
/// samples for at most <see cref="ReferenceBudget"/> (the samples it finished are the ones compared), and each later
/// graph gets three times what the reference took (quantized kernels are slower in the simulator), at least
/// <see cref="MinimumFollowUpBudget"/>. A check that does not fit is skipped with an info line (AIDGE3012).
/// </para>
/// </summary>
public sealed class PassVerification
{
    public static readonly TimeSpan ReferenceBudget = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan MinimumFollowUpBudget = TimeSpan.FromSeconds(5);

    private readonly VerificationSamples samples;
    private readonly IReadOnlyList<IReadOnlyList<Tensor>> reference;
    private readonly IReadOnlyList<string> outputNames;
    private readonly TimeSpan followUpBudget;
    private readonly string file;

    private PassVerification(VerificationSamples samples, IReadOnlyList<IReadOnlyList<Tensor>> reference, IReadOnlyList<string> outputNames, TimeSpan referenceTime, string file)
    {
        this.samples = samples;
        this.reference = reference;
        this.outputNames = outputNames;
        followUpBudget = TimeSpan.FromTicks(Math.Max(MinimumFollowUpBudget.Ticks, 3 * referenceTime.Ticks));
        this.file = file;
    }

    /// <summary>How many samples the comparisons run (those the imported graph finished within its budget).</summary>
    public int SampleCount => reference.Count;

    /// <summary>
    /// Runs the imported graph on the samples (made only when the model is small enough to check). Null when the check
    /// cannot run, with an info line saying why, or an error when the labels do not match the samples.
    /// </summary>
    public static PassVerification? Start(Graph imported, Func<VerificationSamples> makeSamples, string file, List<Diagnostic> diagnostics)
    {
        if (MacCounter.Total(imported) is > NativeVerification.MaxMacs and long macs)
        {
            diagnostics.Add(Skipped(string.Create(CultureInfo.InvariantCulture, $"the model counts {macs / 1e9:0.#} GMACs, more than the {NativeVerification.MaxMacs / 1e9:0.#} the simulator checks within a build"), file));
            return null;
        }
        var samples = makeSamples();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        List<IReadOnlyList<Tensor>> outputs;
        try
        {
            outputs = SimulatedRuns.Run(imported, samples.Feeds, file, ReferenceBudget, keepCompleted: true);
        }
        catch (Exception e) when (e is AidgeException or NotSupportedException)
        {
            diagnostics.Add(Skipped(Why(e, ReferenceBudget, "the imported model"), file));
            return null;
        }
        if (samples.Labels is { } labels && !LabelsFit(labels, samples, outputs, file, diagnostics))
        {
            return null;
        }
        return new PassVerification(samples, outputs, imported.Outputs.Select(o => o.Name).ToList(), clock.Elapsed, file);
    }

    /// <summary>
    /// The fp32 check: info when every output of every sample agrees, else error AIDGE3010 naming the first pass
    /// that changed an output (and the output, the sample and the difference).
    /// </summary>
    public Diagnostic CheckEquivalence(Graph optimized, PassBisection bisection)
    {
        var outcome = Compare(optimized, reference.Count);
        if (outcome.Skipped is { } why)
        {
            return Skipped(why, file);
        }
        if (outcome.Difference is not { } difference)
        {
            return new Diagnostic(DiagnosticCodes.PassVerification, Severity.Info, string.Create(CultureInfo.InvariantCulture,
                $"The optimized graph agrees with the imported model on {reference.Count} samples ({samples.Description}; {outputNames.Count} outputs, max abs difference {outcome.MaxAbsError:G3})."), file);
        }
        int sample = outcome.Sample;
        string? pass = bisection.FirstBreakingPass(graph => Compare(graph, sample + 1).Difference is null);
        string culprit = pass is null
            ? $"the pipeline ({string.Join(", ", bisection.Passes.Select(p => p.Name))}) as a whole, though no pass did on its own,"
            : $"pass '{pass}'";
        string workaround = pass is null ? "O0" : LevelWithout(pass);
        return Diagnostic.Error(DiagnosticCodes.PassBrokeEquivalence,
            $"The optimized graph no longer computes what the model does: {culprit} changed {difference} on sample {sample + 1} of {reference.Count} ({samples.Description}). " +
            $"This is a bug in the optimizer: build with Optimize=\"{workaround}\" (aidgec --optimize {workaround}) to leave it out, and please report it with the model.", file);
    }

    /// <summary>
    /// The cost of pruning and quantization: the figures (null when the final graph cannot be run within the budget,
    /// with an info line), an info line that gives them, and warning AIDGE3011 when top-1 agreement is below
    /// <paramref name="minAgreement"/>.
    /// </summary>
    public FidelityReport? MeasureFidelity(Graph final, bool pruned, bool quantized, double minAgreement, List<Diagnostic> diagnostics)
    {
        List<IReadOnlyList<Tensor>> outputs;
        try
        {
            outputs = SimulatedRuns.Run(final, samples.Feeds.Take(reference.Count), file, followUpBudget, keepCompleted: false);
        }
        catch (Exception e) when (e is AidgeException or NotSupportedException)
        {
            diagnostics.Add(Skipped(Why(e, followUpBudget, $"the graph after {(pruned ? "pruning" : "quantization")}"), file));
            return null;
        }
        var perOutput = outputNames.Select((name, i) => FidelityMetrics.Compare(name, Column(reference, i), Column(outputs, i))).ToList();
        var classifier = perOutput.FindIndex(o => o.Top1Agreement is not null);
        double? referenceAccuracy = null, optimizedAccuracy = null;
        if (samples.Labels is { } labels && classifier >= 0)
        {
            referenceAccuracy = FidelityMetrics.Accuracy(Column(reference, classifier), labels);
            optimizedAccuracy = FidelityMetrics.Accuracy(Column(outputs, classifier), labels);
        }
        var report = new FidelityReport(pruned, quantized, samples.Description, samples.IsRandom, reference.Count, minAgreement, classifier >= 0 ? perOutput[classifier].Top1Agreement : null, referenceAccuracy, optimizedAccuracy, perOutput);
        diagnostics.Add(new Diagnostic(DiagnosticCodes.PassVerification, Severity.Info, FidelitySummary.Describe(report), file));
        if (report.Top1Agreement is double agreement && agreement < minAgreement)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FidelityBelowThreshold, FidelitySummary.BelowThreshold(report, perOutput[classifier].Name), file));
        }
        return report;
    }

    /// <summary>How a graph compares with the reference on the first samples: where it first differs, the worst difference, or why it could not run.</summary>
    private sealed record Outcome(int Sample = 0, string? Difference = null, double MaxAbsError = 0, string? Skipped = null);

    /// <summary>Runs the graph on the first <paramref name="count"/> samples and compares every output with the reference.</summary>
    private Outcome Compare(Graph graph, int count)
    {
        List<IReadOnlyList<Tensor>> outputs;
        try
        {
            outputs = SimulatedRuns.Run(graph, samples.Feeds.Take(count), file, followUpBudget, keepCompleted: false);
        }
        catch (AidgeException e) when (e.Diagnostic.Code == DiagnosticCodes.SimulationCancelled)
        {
            return new Outcome(Skipped: Why(e, followUpBudget, "the optimized graph"));
        }
        catch (Exception e) when (e is AidgeException or NotSupportedException)
        {
            // The imported graph ran on these samples; the optimized one cannot: a pass produced something broken.
            return new Outcome(Difference: $"the simulation, which now fails ({Message(e)})");
        }
        double worst = 0;
        for (int s = 0; s < outputs.Count; s++)
        {
            for (int i = 0; i < outputNames.Count; i++)
            {
                var (want, got) = (reference[s][i], outputs[s][i]);
                if (want.Type != got.Type || !want.Dims.AsSpan().SequenceEqual(got.Dims))
                {
                    return new Outcome(s, $"output '{outputNames[i]}' from {want} to {got}");
                }
                var difference = OutputComparison.Compare(outputNames[i], want, got);
                if (!difference.Agrees)
                {
                    return new Outcome(s, difference.Describe("originally"));
                }
                worst = Math.Max(worst, difference.MaxAbsError);
            }
        }
        return new Outcome(MaxAbsError: worst);
    }

    private static bool LabelsFit(long[] labels, VerificationSamples samples, List<IReadOnlyList<Tensor>> outputs, string file, List<Diagnostic> diagnostics)
    {
        var classifier = outputs[0].Select(FidelityMetrics.ClassifierShape).FirstOrDefault(s => s is not null);
        string? problem = classifier is not var (rows, _)
            ? "no output of the model is classifier-shaped ([rows, classes]), so labels cannot be scored"
            : labels.Length != (long)rows * samples.Feeds.Count
                ? $"they hold {labels.Length} labels for {samples.Feeds.Count} samples of {rows} rows each ({(long)rows * samples.Feeds.Count} needed)"
                : null;
        if (problem is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DataMismatch, $"The sample labels do not fit {samples.Description}: {problem}. Fix SampleLabels (--sample-labels) or leave it out.", file));
        }
        return problem is null;
    }

    private static IReadOnlyList<Tensor> Column(IReadOnlyList<IReadOnlyList<Tensor>> rows, int output) => rows.Select(r => r[output]).ToList();

    /// <summary>The highest optimization level that leaves the pass out (O0 has no pass).</summary>
    private static string LevelWithout(string pass) =>
        OptimizationLevels.Names.Reverse().First(level => !OptimizationLevels.PassesOf(level).Contains(pass));

    private static string Why(Exception e, TimeSpan budget, string graph) =>
        e is AidgeException { Diagnostic.Code: DiagnosticCodes.SimulationCancelled }
            ? $"{graph} took more than {budget.TotalSeconds:0} s in the simulator"
            : $"the simulator cannot run {graph} ({Message(e)})";

    private static string Message(Exception e) => e is AidgeException a ? $"{a.Diagnostic.Code}: {a.Diagnostic.Message.TrimEnd('.')}" : e.Message;

    private static Diagnostic Skipped(string why, string file) =>
        new(DiagnosticCodes.PassVerification, Severity.Info, $"The build-time check of the optimized graph against the imported model was skipped: {why}.", file);
}
