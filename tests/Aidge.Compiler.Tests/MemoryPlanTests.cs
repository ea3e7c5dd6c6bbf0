using Aidge.Compiler.Compilation;
using Aidge.Export.OpenMp;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Onnx;
using Aidge.Passes.Pipeline;
using Aidge.Simulation.Runtime;
using Aidge.Testing;

namespace Aidge.Compiler.Tests;

/// <summary>
/// The OpenMP target's memory plan on whole networks: the planned peak against the sum of all activations and the
/// lower bound, what in-place reuse wins, and generated code that runs in place and still agrees with the simulator.
/// </summary>
[TestClass]
public sealed class MemoryPlanTests
{
    private string folder = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("aidgec-memory-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestMethod]
    public void MobileNetV2PlanSitsBetweenTheLowerBoundAndTheSumAndInPlaceSaves()
    {
        var network = NetworkBlocks.MobileNetV2Network();
        var imported = Figures("MobileNetV2-style 224x224 as imported", network, "O0");
        var optimized = Figures("MobileNetV2-style 224x224 after O2", network, "O2");

        foreach (var figures in new[] { imported, optimized })
        {
            Assert.IsLessThanOrEqualTo(figures.ActivationBytes, figures.PlannedPeakBytes);
            Assert.IsGreaterThanOrEqualTo(figures.LowerBoundBytes, figures.PlannedPeakBytes);
            Assert.IsLessThanOrEqualTo(figures.PlannedPeakWithoutInPlaceBytes, figures.PlannedPeakBytes);
        }
        Assert.IsLessThan(imported.PlannedPeakWithoutInPlaceBytes, imported.PlannedPeakBytes, "in-place reuse should shrink the arena");
    }

    [TestMethod]
    public void ResNetStylePlanSitsBetweenTheLowerBoundAndTheSum()
    {
        foreach (string level in new[] { "O0", "O2" })
        {
            var figures = Figures($"ResNet-style 64x56x56, 5 blocks, {level}", NetworkBlocks.ResNetStyleNetwork(64, 56, 5), level);

            Assert.IsLessThanOrEqualTo(figures.ActivationBytes, figures.PlannedPeakBytes);
            Assert.IsGreaterThanOrEqualTo(figures.LowerBoundBytes, figures.PlannedPeakBytes);
            Assert.IsLessThanOrEqualTo(figures.PlannedPeakWithoutInPlaceBytes, figures.PlannedPeakBytes);
        }
    }

    [TestMethod]
    public void InPlaceKernelsAgreeWithTheSimulator()
    {
        // Every kernel that declares in-place writes gets the chance here: BatchNormalization, Relu, Clip (Relu6), the
        // residual Add, Flatten (a copy that disappears), Softmax; the compile checks the built library against the simulator.
        var builder = new ModelBuilder(opset: 13).Input("image", 1, 3, 12, 12);
        string x = builder.Relu(builder.BatchNorm(builder.Conv("image", 3, 8, 3), 8));
        x = builder.MobileNetBlock(x, 8, 8, 2, 1);
        x = builder.ResNetBasicBlock(x, 8);
        builder.RandomInitializer("fc.weight", 0.3f, 5, 8).RandomInitializer("fc.bias", 0.1f, 5)
            .Node("GlobalAveragePool", [x], ["pooled"])
            .Node("Flatten", ["pooled"], ["flat"])
            .Node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], ("transB", 1L))
            .Node("Softmax", ["logits"], ["probabilities"])
            .Node("Relu", ["probabilities"], ["y"])
            .Output("y");
        string model = Path.Combine(folder, "inplace.onnx");
        File.WriteAllBytes(model, builder.ToBytes());

        var (plan, _) = Plan(builder);
        foreach (string op in new[] { "BatchNormalization", "Relu", "Clip", "Add", "Flatten", "Softmax" })
        {
            Assert.IsTrue(plan.InPlace.Any(r => r.Node.StartsWith(op + "_", StringComparison.Ordinal)), $"{op} should run in place");
        }
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = AidgecCli.Run(["compile", model, "--target", "openmp", "--out", Path.Combine(folder, "out")], output, error);

        Assert.AreEqual(0, code, error.ToString());
        if (!error.ToString().Contains("AIDGE4010", StringComparison.Ordinal))
        {
            StringAssert.Contains(error.ToString(), "info AIDGE4021: The built library agrees with the simulator");
        }
    }

    private MemoryFigures Figures(string title, ModelBuilder builder, string level)
    {
        var (plan, nodes) = Plan(builder, level);
        TestContext.WriteLine($"{title} ({nodes} nodes): {plan.Figures}");
        return plan.Figures;
    }

    /// <summary>The OpenMP memory plan of the model after the level's passes, and the node count it plans.</summary>
    private static (MemoryPlan Plan, int Nodes) Plan(ModelBuilder builder, string level = "O0")
    {
        const string file = "model.onnx";
        using var stream = new MemoryStream(builder.ToBytes(), writable: false);
        var model = ModelReader.Load(stream, fileName: file);
        var context = new PassContext(file) { Evaluator = new KernelNodeEvaluator(file) };
        PassManager.Run(model.Graph, PipelineBuilder.Build(level, context), context);
        var known = CompileTimeValues.Evaluate(model.Graph, ShapeInference.InferModel(model, file), file);
        return (KernelMemory.Plan(model.Graph, known.Of, OpenMpEmitters.Target), model.Graph.Nodes.Count);
    }
}
