using Aidge.Core.Graphs;
using Aidge.Passes.Pipeline;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Equivalence;

/// <summary>
/// Whole networks through every optimization level: the outputs stay within fp32 tolerance, and the node counts before
/// and after each level are printed (the issue's note quotes them; they do not depend on input size or width).
/// </summary>
[TestClass]
public sealed class NetworkEquivalenceTests
{
    private const double Rtol = 1e-4;
    private const double Atol = 1e-5;

    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<object[]> Networks =>
    [
        ["MobileNetV2", NetworkBlocks.MobileNetV2Network(size: 64, width: 0.5, classes: 10)],
        ["ResNet-style", NetworkBlocks.ResNetStyleNetwork(channels: 8, size: 16, blocks: 3)],
        ["ResNet-style classifier exported by PyTorch", PyTorchClassifier()],
    ];

    [TestMethod]
    [DynamicData(nameof(Networks))]
    public void EveryLevelKeepsTheOutputs(string name, ModelBuilder network)
    {
        var counts = new List<string> { $"{PassTesting.Import(network.ToBytes()).Graph.Nodes.Count} nodes" };
        foreach (string level in OptimizationLevels.Names)
        {
            var context = PassTesting.Context();
            var optimized = PassTesting.AssertEquivalentAfter(network, PipelineBuilder.Build(level, context), Rtol, Atol);
            counts.Add($"{level} {optimized.Graph.Nodes.Count}");
        }
        TestContext.WriteLine($"{name}: {string.Join(", ", counts)}");
    }

    /// <summary>O3's clean-up round leaves nothing for another: running it again changes nothing.</summary>
    [TestMethod]
    [DynamicData(nameof(Networks))]
    public void AfterO3AnotherCleanUpRoundFindsNothing(string name, ModelBuilder network)
    {
        var (optimized, _) = PassTesting.Optimize(network, PipelineBuilder.Build("O3", PassTesting.Context()));
        var again = PassManager.Run(optimized.Graph, PipelineBuilder.Build("O1", PassTesting.Context())
            .Append(PassRegistry.Default.Get("eliminate-common-subexpressions")), PassTesting.Context());

        Assert.IsEmpty(again.Where(r => r.Result.Changed).Select(r => r.Pass), name);
    }

    /// <summary>
    /// A ResNet-style body with the head older PyTorch exports write: pooling, then <c>x.view(x.size(0), -1)</c> as a
    /// Shape → Gather → Unsqueeze → Concat → Reshape chain, then a Linear layer.
    /// </summary>
    private static ModelBuilder PyTorchClassifier()
    {
        var b = new ModelBuilder(opset: 13).Input("image", 1, 3, 16, 16);
        string x = b.Relu(b.BatchNorm(b.Conv("image", 3, 8, 3), 8));
        x = b.ResNetBasicBlock(x, 8);
        string pooled = b.Fresh("pool");
        b.Node("GlobalAveragePool", [x], [pooled]);
        return b.Output(b.Linear(b.ShapeFlatten(pooled), 8, 10));
    }
}
