using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Simulation.Cost;
using Aidge.Simulation.Cost.Hls;

namespace Aidge.Simulation.Report;

/// <summary>What the compiler hands over to build a report; the optional parts are null when their step did not run.</summary>
/// <param name="IsConstant">Values known when compiling (initializers, folded values); null: the initializers.</param>
/// <param name="Fpga">The HLS design's options when the build targets an FPGA: the report then has the FPGA estimate.</param>
/// <param name="FixedPoint">A fixed-point HLS design's formats and error bounds, shown in the FPGA section.</param>
public sealed record ReportInputs(
    string ModelFile,
    string? Producer,
    string Optimization,
    Graph Graph,
    GraphSnapshot? Before,
    IReadOnlyList<TargetDescriptor> Targets,
    Func<Value, bool>? IsConstant = null,
    IReadOnlyList<PassRow>? Passes = null,
    MemorySection? Memory = null,
    FidelitySection? Fidelity = null,
    MeasuredLatency? Measured = null,
    HlsDesignOptions? Fpga = null,
    FixedPointSection? FixedPoint = null);

/// <summary>Builds a <see cref="ModelReport"/>: the optimized graph's layers (<see cref="WorkloadAnalysis"/>) estimated on every target (<see cref="CostModel"/>).</summary>
public static class ReportBuilder
{
    public static ModelReport Build(ReportInputs inputs)
    {
        var graph = inputs.Graph;
        var isConstant = inputs.IsConstant ?? (v => v.Initializer is not null);
        var workloads = WorkloadAnalysis.Of(graph, isConstant);
        var estimates = inputs.Targets.Select(t => CostModel.Estimate(workloads, t)).ToList();
        var layers = workloads.Select((w, i) => new LayerRow(
            w.Name,
            w.OpType,
            w.Class.ToString(),
            w.Macs,
            w.Parameters,
            w.ActivationBytes,
            estimates.Select(e => Cost(e.Nodes[i])).ToList())).ToList();
        var after = GraphSnapshot.Of(graph);
        long parameters = graph.Initializers.Sum(v => (long)(v.Initializer?.Length ?? 0));
        long parameterBytes = graph.Initializers.Sum(v => (long)(v.Initializer?.Bytes.Length ?? 0));
        var summary = new ModelSummary(
            Path.GetFileName(inputs.ModelFile),
            inputs.Producer,
            graph.OnnxOpset,
            inputs.Optimization,
            inputs.Before?.OperatorCount ?? after.OperatorCount,
            after.OperatorCount,
            parameters,
            parameterBytes,
            workloads.Sum(w => w.Macs),
            workloads.Sum(w => w.ActivationBytes),
            graph.RuntimeInputs.Select(Tensor).ToList(),
            graph.Outputs.Select(Tensor).ToList());
        var targets = estimates.Select(e => new TargetReport(
            e.Target.Name,
            e.Target.Description,
            e.Target.Measured,
            e.Seconds,
            e.Joules,
            e.Target.Constants().Select(c => new ConstantRow(c.Name, c.Value.Value, c.Value.Source)).ToList())).ToList();
        var fpga = inputs.Fpga is { } design ? FpgaSections.Of(HlsCostModel.Estimate(graph, isConstant, design)) with { FixedPoint = inputs.FixedPoint } : null;
        return new ModelReport(ModelReport.CurrentFormat, summary, inputs.Before, after, inputs.Passes, inputs.Memory, inputs.Fidelity, targets, layers, inputs.Measured, fpga);
    }

    private static LayerCost Cost(NodeCost cost) => new(cost.Seconds, cost.Joules, cost.ComputeBound ? "compute" : "memory", cost.Threads);

    private static TensorSummary Tensor(Value value) =>
        new(value.Name, value.ElementType.OnnxName(), value.Initializer?.Dims is { } dims ? $"[{string.Join(',', dims)}]" : value.Shape?.ToString() ?? "?");
}
