using Aidge.Passes.Pipeline;

namespace Aidge.Compiler.Tests;

[TestClass]
public sealed class PassesCommandTests
{
    [TestMethod]
    public void EveryLevelIsPrintedWithItsPassesInOrder()
    {
        var (code, output, error) = CliTests.Run("passes");

        Assert.AreEqual(0, code, error);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        foreach (string level in OptimizationLevels.Names)
        {
            var passes = OptimizationLevels.PassesOf(level);
            int header = Array.FindIndex(lines, l => l.StartsWith(level + ":", StringComparison.Ordinal));
            Assert.IsGreaterThanOrEqualTo(0, header, output);
            for (int i = 0; i < passes.Count; i++)
            {
                StringAssert.StartsWith(lines[header + 1 + i], $"{i + 1}. {passes[i]} ");
                StringAssert.EndsWith(lines[header + 1 + i], PassRegistry.Default.Get(passes[i]).Description);
            }
        }
    }

    [TestMethod]
    public void OneLevelCanBeAskedFor()
    {
        var (code, output, _) = CliTests.Run("passes", "--optimize", "O1");

        Assert.AreEqual(0, code);
        StringAssert.StartsWith(output, $"O1: {OptimizationLevels.PassesOf("O1").Count} passes");
        Assert.DoesNotContain("O2:", output);
    }

    [TestMethod]
    public void AnUnknownLevelIsAUsageError()
    {
        var (code, _, error) = CliTests.Run("passes", "--optimize", "O9");

        Assert.AreEqual(AidgecCli.UsageOrInternalError, code);
        StringAssert.Contains(error, "O9");
    }
}
