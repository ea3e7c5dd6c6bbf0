using Aidge.Simulation.Kernels.Shaping;

namespace Aidge.Simulation.Tests.Movement;

[TestClass]
public sealed class DropoutTests
{
    /// <summary>NumPy: <c>np.random.seed(0); np.random.uniform(0, 1, 3)</c>.</summary>
    [TestMethod]
    public void DrawsAsNumPysLegacyGenerator()
    {
        var random = new MersenneTwister(0);
        Assert.AreEqual(0.5488135039273248, random.NextDouble(), 1e-15);
        Assert.AreEqual(0.7151893663724195, random.NextDouble(), 1e-15);
        Assert.AreEqual(0.6027633760716439, random.NextDouble(), 1e-15);
    }
}
