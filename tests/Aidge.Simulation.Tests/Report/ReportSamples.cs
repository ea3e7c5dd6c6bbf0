using Aidge.Core.Graphs;
using Aidge.Onnx;
using Aidge.Simulation.Cost;
using Aidge.Simulation.Report;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Report;

/// <summary>Reports of models built in code, with every section filled or none of the optional ones.</summary>
internal static class ReportSamples
{
    public static Graph Load(ModelBuilder builder) => ModelReader.Load(new MemoryStream(builder.ToBytes())).Graph;

    /// <summary>A report with every section, on the reference targets and a build machine from round measurements.</summary>
    public static ModelReport Full(Graph graph, string file = "model.onnx")
    {
        var before = GraphSnapshot.Of(graph);
        var targets = new List<TargetDescriptor> { BuildMachine.Describe(Cost.BuildMachineTests.Measurements(), 262144) };
        targets.AddRange(ReferenceTargets.All);
        return ReportBuilder.Build(new ReportInputs(
            file, "test 1.0", "O2", graph, before, targets,
            Passes: [new PassRow("fuse-conv-activation", 7, 5, 2, 4, 2, 0, ["Conv + Relu"]), new PassRow("dead-code", 5, 5, 0, 0, 0, 0, [])],
            Memory: new MemorySection(12_288, 40_960, 10_240, "3 tensors in the arena."),
            Fidelity: new FidelitySection(360, "samples.npy", 0.994, 38.5, 0.97, 0.965, null),
            Measured: new MeasuredLatency(60e-6, 52e-6, 2000, 2, "openmp")));
    }

    /// <summary>A report with only what is always there: model facts, the graph after, layers and targets.</summary>
    public static ModelReport Minimal(Graph graph) =>
        ReportBuilder.Build(new ReportInputs("model.onnx", null, "O0", graph, null, ReferenceTargets.All));
}
