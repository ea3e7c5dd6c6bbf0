using System.Globalization;
using Aidge.Core.Diagnostics;
using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Hls.FixedPoint;
using Aidge.Export.Plan;
using Aidge.Simulation.Runtime;

namespace Aidge.Compiler.Verification;

/// <summary>
/// The build-time check of <c>aidgec compile</c>: runs the library just built on seeded random inputs of the declared
/// shapes, runs the simulator on the same inputs and the same graph, and compares every output
/// (<see cref="OutputComparison"/>). A disagreement is an error, since it means the exporter wrote wrong code.
/// <para>
/// The simulator runs convolutions at about 4 GMAC/s on one core (a 3x3 conv 64->64 at 56x56 in 30 ms) and other
/// operators slower, so the check is skipped, with an info line, when the model counts more than <see cref="MaxMacs"/>
/// MACs (a ResNet-50 is 4.1), and abandoned when the simulation runs past <see cref="SimulationBudget"/>: a build
/// should not wait minutes for a check. <c>--no-verify</c> turns it off.
/// </para>
/// <para>
/// A fixed-point HLS design is compared with <see cref="FixedPointReference"/> instead: the simulator on the graph with
/// rounded weights, each output within its error bound; a run whose values leave the format's range is a warning
/// (AIDGE4047: the design wraps, a wider precision is needed), not a mismatch.
/// </para>
/// </summary>
public static class NativeVerification
{
    public const long MaxMacs = 5_000_000_000;

    public static readonly TimeSpan SimulationBudget = TimeSpan.FromSeconds(20);

    public static Diagnostic Run(Graph graph, LibraryAbi plan, string libraryPath, string file, FixedPointBuild? fixedPoint = null)
    {
        if (MacCounter.Total(graph) is > MaxMacs and long macs)
        {
            return Skipped(string.Create(CultureInfo.InvariantCulture, $"the model counts {macs / 1e9:0.#} GMACs, more than the {MaxMacs / 1e9:0.#} the simulator checks within a build"), file);
        }
        var inputs = RandomInputs.For(plan.Inputs);
        IReadOnlyList<object?> expected;
        FixedPointReferenceRun? reference = null;
        try
        {
            using var budget = new CancellationTokenSource(SimulationBudget);
            if (fixedPoint is not null)
            {
                reference = FixedPointReference.Simulate(graph, fixedPoint, inputs, file, budget.Token);
                expected = reference.Outputs;
            }
            else
            {
                expected = new Interpreter(graph, file: file, cancellation: budget.Token).Run(inputs.Cast<object?>().ToList());
            }
        }
        catch (AidgeException e)
        {
            string why = e.Diagnostic.Code == DiagnosticCodes.SimulationCancelled
                ? $"the simulation took more than {SimulationBudget.TotalSeconds:0} s"
                : $"the simulator cannot run the model on random inputs ({e.Diagnostic.Code}: {e.Diagnostic.Message.TrimEnd('.')})";
            return Skipped(why, file);
        }
        var outputs = plan.Outputs.Select(o => new byte[o.Bytes]).ToList();
        try
        {
            using var model = NativeModel.Open(libraryPath, plan.Prefix);
            int status = model.Run(inputs.Select(t => t.Bytes.ToArray()).ToList(), outputs);
            if (status != 0)
            {
                return Diagnostic.Error(DiagnosticCodes.NativeRunFailed, $"The built library {libraryPath} returned {status} from {plan.Prefix}_run on the build-time check. This is a bug in the exporter: please report it with the model.", file);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or InvalidOperationException)
        {
            return Diagnostic.Error(DiagnosticCodes.NativeRunFailed, $"The built library {libraryPath} could not be run for the build-time check: {e.Message}", file);
        }
        if (fixedPoint is not null)
        {
            return CheckFixedPoint(plan, outputs, reference!, fixedPoint, file);
        }
        double worst = 0;
        for (int i = 0; i < outputs.Count; i++)
        {
            var planned = plan.Outputs[i];
            var actual = Tensor.FromBytes(planned.Type, planned.Dims.ToArray(), outputs[i]);
            var difference = OutputComparison.Compare(planned.Name, (Tensor)expected[i]!, actual);
            if (!difference.Agrees)
            {
                return Diagnostic.Error(DiagnosticCodes.NativeMismatch,
                    $"The built library disagrees with the simulator on seeded random inputs: {difference}. This is a bug in the exporter: please report it with the model; --no-verify skips this check.", file);
            }
            worst = Math.Max(worst, difference.MaxAbsError);
        }
        return new Diagnostic(DiagnosticCodes.NativeVerification, Severity.Info,
            string.Create(CultureInfo.InvariantCulture, $"The built library agrees with the simulator on seeded random inputs ({outputs.Count} outputs, max abs difference {worst:G3})."), file);
    }

    private static Diagnostic CheckFixedPoint(LibraryAbi plan, List<byte[]> outputs, FixedPointReferenceRun reference, FixedPointBuild fixedPoint, string file)
    {
        string precision = fixedPoint.Design.Data.ToString();
        if (reference.OutOfRange is { } value)
        {
            return Diagnostic.Warning(DiagnosticCodes.FixedPointOutOfRange,
                $"The fixed-point design (Precision '{precision}') leaves its range on seeded random inputs in [-1, 1]: {value}, so its values wrap there. Give the precision more integer bits (the I of fixed<W,I>).", file);
        }
        var actual = outputs.Select((bytes, i) => Tensor.FromBytes(plan.Outputs[i].Type, plan.Outputs[i].Dims.ToArray(), bytes)).ToList();
        var outcomes = FixedPointReference.Compare(plan.Outputs.Select(o => o.Name).ToList(), reference.Outputs, actual, fixedPoint.OutputBounds);
        if (outcomes.FirstOrDefault(o => !o.WithinBound) is { } failed)
        {
            return Diagnostic.Error(DiagnosticCodes.NativeMismatch,
                $"The built fixed-point library (Precision '{precision}') differs from the simulator with rounded weights beyond its error bound on seeded random inputs: {failed}. This is a bug in the exporter: please report it with the model; --no-verify skips this check.", file);
        }
        return new Diagnostic(DiagnosticCodes.NativeVerification, Severity.Info,
            $"The built fixed-point library (Precision '{precision}') agrees with the simulator with rounded weights within its error bound on seeded random inputs ({string.Join("; ", outcomes)}).", file);
    }

    private static Diagnostic Skipped(string why, string file) =>
        new(DiagnosticCodes.NativeVerification, Severity.Info, $"The build-time check of the native library against the simulator was skipped: {why}.", file);
}
