using Aidge.Compiler.Verification;
using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;
using Aidge.Simulation.Report;

namespace Aidge.Compiler.Reporting;

/// <summary>
/// What the compile pipeline learns for the report as it goes; each step fills its part, and a part left null is a
/// section the report leaves out.
/// </summary>
public sealed class ReportFacts
{
    /// <summary>The graph as imported, before any pass rewrote it.</summary>
    public GraphSnapshot? Before { get; set; }

    public IReadOnlyList<PassRow>? Passes { get; set; }

    public MemorySection? Memory { get; set; }

    public FidelitySection? Fidelity { get; set; }

    public MeasuredLatency? Measured { get; set; }

    /// <summary>A fixed-point HLS design's formats and bounds (the FPGA section shows them).</summary>
    public FixedPointSection? FixedPoint { get; set; }

    /// <summary>A fixed-point build as the report's section.</summary>
    public static FixedPointSection Section(Aidge.Export.Hls.FixedPoint.FixedPointBuild build, Graph graph) => new(
        build.Design.Data.ToString(),
        build.Design.Accumulator.ToString(),
        build.Design.LongestSum,
        graph.Outputs.Select((v, i) => new OutputBound(v.Name, build.OutputBounds[i])).ToList(),
        "The bound is the worst case of every rounding adding up (it holds for any input whose values stay within the data format's range); " +
        "the build-time check measures the design against the simulator with the weights rounded to the data format.");

    /// <summary>The memory plan's figures as the report's section.</summary>
    public static MemorySection Section(MemoryFigures figures) => new(
        figures.PlannedPeakBytes,
        figures.ActivationBytes,
        figures.LowerBoundBytes,
        $"{figures.ArenaTensors} tensors in the arena, {figures.InPlaceReuses} written in place over their input " +
        $"({Units.Bytes(figures.PlannedPeakWithoutInPlaceBytes)} without in-place reuse)" +
        (figures.LowerBoundNode is { } node ? $"; the lower bound is reached at {node}." : "."));

    /// <summary>The simulator's fidelity figures as the report's section: the worst output's SNR, every output in the note.</summary>
    public static FidelitySection Section(FidelityReport fidelity) => new(
        fidelity.Samples,
        fidelity.Inputs,
        fidelity.Top1Agreement,
        fidelity.Outputs.Select(o => o.SnrDb).OfType<double>().Select(d => (double?)d).Min(),
        fidelity.ReferenceAccuracy,
        fidelity.OptimizedAccuracy,
        FidelitySummary.Describe(fidelity) + (fidelity.RandomInputs ? " The samples are seeded random inputs: agreement on them is only indicative." : ""));

    /// <summary>The pass manager's records as report rows (their times are left out: they differ run to run).</summary>
    public static IReadOnlyList<PassRow> Rows(IEnumerable<PassRecord> records) => records
        .Select(r => new PassRow(r.Pass, r.NodesBefore, r.NodesAfter, r.Result.Rewrites, r.Result.NodesRemoved, r.Result.NodesAdded, r.Result.BytesSaved, r.Result.Notes))
        .ToList();
}
