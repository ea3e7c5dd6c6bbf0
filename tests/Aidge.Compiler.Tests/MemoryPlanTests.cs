using Aidge.Compiler.Compilation;
using Aidge.Core.Graphs;
using Aidge.Core.Operators;
using Aidge.Onnx;
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
        var figures = Figures("MobileNetV2-style 224x224", MobileNetV2(224));

        Assert.IsLessThanOrEqualTo(figures.ActivationBytes, figures.PlannedPeakBytes);
        Assert.IsGreaterThanOrEqualTo(figures.LowerBoundBytes, figures.PlannedPeakBytes);
        Assert.IsLessThan(figures.PlannedPeakWithoutInPlaceBytes, figures.PlannedPeakBytes, "in-place reuse should shrink the arena");
        Assert.IsGreaterThan(0, figures.InPlaceReuses);
    }

    [TestMethod]
    public void ResNetStylePlanSitsBetweenTheLowerBoundAndTheSum()
    {
        var figures = Figures("ResNet-style 64x56x56, 5 blocks", NetworkBlocks.ResNetStyleNetwork(64, 56, 5));

        Assert.IsLessThanOrEqualTo(figures.ActivationBytes, figures.PlannedPeakBytes);
        Assert.IsGreaterThanOrEqualTo(figures.LowerBoundBytes, figures.PlannedPeakBytes);
        Assert.IsLessThanOrEqualTo(figures.PlannedPeakWithoutInPlaceBytes, figures.PlannedPeakBytes);
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

        var plan = Plan(builder);
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

    private MemoryFigures Figures(string title, ModelBuilder builder)
    {
        var figures = Plan(builder).Figures;
        TestContext.WriteLine($"{title}: {figures}");
        return figures;
    }

    private static MemoryPlan Plan(ModelBuilder builder)
    {
        using var stream = new MemoryStream(builder.ToBytes(), writable: false);
        var model = ModelReader.Load(stream, fileName: "model.onnx");
        var known = CompileTimeValues.Evaluate(model.Graph, ShapeInference.InferModel(model, "model.onnx"), "model.onnx");
        return OpenMpMemory.Plan(model.Graph, known.Of);
    }

    /// <summary>MobileNetV2's body (t, c, n, s rows of Sandler et al. 2018) at width 1 with BatchNormalization and Relu6 unfused.</summary>
    private static ModelBuilder MobileNetV2(long size)
    {
        var b = new ModelBuilder().Input("image", 1, 3, size, size);
        long channels = 32;
        string x = b.Relu6(b.BatchNorm(b.Conv("image", 3, channels, 3, stride: 2), channels));
        foreach (var (t, c, n, s) in new (long, long, int, long)[] { (1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1) })
        {
            for (int i = 0; i < n; i++)
            {
                x = b.MobileNetBlock(x, channels, c, t, i == 0 ? s : 1);
                channels = c;
            }
        }
        x = b.Relu6(b.BatchNorm(b.Conv(x, channels, 1280, 1), 1280));
        b.RandomInitializer("fc.weight", 0.03f, 1000, 1280).RandomInitializer("fc.bias", 0.1f, 1000)
            .Node("GlobalAveragePool", [x], ["pooled"])
            .Node("Flatten", ["pooled"], ["flat"])
            .Node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], ("transB", 1L));
        return b.Output("logits");
    }
}
