using Aidge.Passes.Pipeline;

namespace Aidge.Passes.Tests.Pipeline;

[TestClass]
public sealed class OptimizationLevelsTests
{
    [TestMethod]
    public void EveryLevelNamesRegisteredPasses()
    {
        foreach (string level in OptimizationLevels.Names)
        {
            foreach (string pass in OptimizationLevels.PassesOf(level))
            {
                Assert.AreEqual(pass, PassRegistry.Default.Get(pass).Name, level);
            }
        }
    }

    [TestMethod]
    public void EachLevelStartsWithTheOneBelow()
    {
        for (int i = 1; i < OptimizationLevels.Names.Count; i++)
        {
            var lower = OptimizationLevels.PassesOf(OptimizationLevels.Names[i - 1]);
            var higher = OptimizationLevels.PassesOf(OptimizationLevels.Names[i]);
            CollectionAssert.AreEqual(lower.ToArray(), higher.Take(lower.Count).ToArray(), OptimizationLevels.Names[i]);
        }
    }

    [TestMethod]
    public void O1CleansUpAndEndsWithDeadCode()
    {
        var o1 = OptimizationLevels.PassesOf("O1");

        CollectionAssert.IsSubsetOf(new[] { "fold-constants", "remove-identities", "cancel-transposes" }, o1.ToArray());
        Assert.AreEqual("eliminate-dead-code", o1[^1]);
    }
}
