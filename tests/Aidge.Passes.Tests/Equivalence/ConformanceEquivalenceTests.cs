using Aidge.Conformance;

namespace Aidge.Passes.Tests.Equivalence;

/// <summary>
/// Every ONNX conformance model the simulator runs, before and after the O3 pipeline, on the suite's own inputs: the
/// passes must not change a single output beyond the suite's tolerance, nor fail. Writes artifacts/conformance/passes.txt.
/// </summary>
[TestClass]
public sealed class ConformanceEquivalenceTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void O3LeavesEveryConformanceModelEquivalent()
    {
        string dataRoot = ConformanceSuite.DataRoot();
        if (!Directory.Exists(dataRoot))
        {
            Assert.Inconclusive($"No ONNX conformance data at {dataRoot}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }

        var equivalence = new CaseEquivalence("O3");
        var results = ConformanceSuite.Run(dataRoot, Array.Empty<string>(), equivalence.Run);
        string report = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance", "passes.txt");
        ConformanceReport.Write(report, results);

        var compared = results.Where(r => r.Status != CaseStatus.Unsupported).ToList();
        var differ = results.Where(r => r.Status == CaseStatus.Failed).ToList();
        string summary = $"passes equivalence: {compared.Count} models, {equivalence.Rewritten.Count} rewritten, {differ.Count} differ";
        Console.WriteLine(summary);
        TestContext.WriteLine(summary);
        File.AppendAllLines(report, [summary]);
        Assert.IsEmpty(differ, $"{summary} (see {report}):{Environment.NewLine}{string.Join(Environment.NewLine, differ.Take(50))}");
    }
}
