using Aidge.Core.Graphs;
using Aidge.Passes.Tests.Support;
using Aidge.Testing;

namespace Aidge.Passes.Tests.Equivalence;

/// <summary>The large test networks are what they claim to be, so the node counts measured on them mean something.</summary>
[TestClass]
public sealed class NetworkShapeTests
{
    /// <summary>torchvision's MobileNetV2 at 224x224: 300 M MACs and 3.5 M parameters (Sandler et al. 2018, table 3).</summary>
    [TestMethod]
    public void MobileNetV2HasThePublishedCost()
    {
        var graph = PassTesting.Import(NetworkBlocks.MobileNetV2Network().ToBytes()).Graph;

        long macs = MacCounter.Total(graph)!.Value;
        long parameters = graph.Initializers.Where(v => v.Name.Contains("conv_w", StringComparison.Ordinal) || v.Name.Contains("fc_", StringComparison.Ordinal))
            .Sum(v => v.Initializer!.Length);
        Assert.IsTrue(macs is > 290_000_000 and < 320_000_000, $"MACs {macs}");
        Assert.IsTrue(parameters is > 3_400_000 and < 3_600_000, $"parameters {parameters}");
        Assert.AreEqual(52, PassTesting.Count(graph, "Conv"));
        Assert.AreEqual(10, PassTesting.Count(graph, "Add"));
    }
}
