using System.Text;
using Aidge.Simulation.Report;
using Aidge.Simulation.Report.Html;
using Aidge.Simulation.Tests.Cost;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Report;

/// <summary>report.json and report.html: deterministic bytes, optional sections, escaping, self-contained pages.</summary>
[TestClass]
public sealed class ReportWriterTests
{
    [TestMethod]
    public void JsonIsDeterministicAndReadsBack()
    {
        var first = ReportJsonWriter.Write(ReportSamples.Full(WorkloadAnalysisTests.Classifier()));
        var second = ReportJsonWriter.Write(ReportSamples.Full(WorkloadAnalysisTests.Classifier()));
        CollectionAssert.AreEqual(first, second);
        var report = ReportJsonWriter.Read(Encoding.UTF8.GetString(first))!;
        Assert.AreEqual(5, report.Layers.Count);
        Assert.AreEqual(4, report.Targets.Count);
        Assert.AreEqual(4, report.Layers[0].Costs.Count);
        Assert.AreEqual(0.994, report.Fidelity!.Top1Agreement);
        Assert.AreEqual(12_288, report.Memory!.PlannedPeakBytes);
        Assert.AreEqual("fuse-conv-activation", report.Passes![0].Pass);
        Assert.AreEqual(60e-6, report.Measured!.MedianSeconds);
        Assert.AreEqual(report.Layers.Sum(l => l.Macs), report.Model.Macs);
    }

    [TestMethod]
    public void JsonLeavesOutMissingSections()
    {
        string json = Encoding.UTF8.GetString(ReportJsonWriter.Write(ReportSamples.Minimal(WorkloadAnalysisTests.Classifier())));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (string section in new[] { "graphBefore", "passes", "memory", "fidelity", "measured" })
        {
            Assert.IsFalse(document.RootElement.TryGetProperty(section, out _), section);
        }
        Assert.IsTrue(document.RootElement.TryGetProperty("layers", out _));
        Assert.IsTrue(json.EndsWith("}\n", StringComparison.Ordinal) && !json.Contains('\r'));
    }

    [TestMethod]
    public void HtmlIsDeterministicAndSelfContained()
    {
        var first = ReportHtmlWriter.Write(ReportSamples.Full(WorkloadAnalysisTests.Classifier()));
        CollectionAssert.AreEqual(first, ReportHtmlWriter.Write(ReportSamples.Full(WorkloadAnalysisTests.Classifier())));
        string html = Encoding.UTF8.GetString(first);
        // Nothing to fetch: no external scripts, styles, images or links (SVG's namespace is a name, not a fetch).
        foreach (string external in new[] { "src=", "<link", "@import", "url(http", "href=\"http" })
        {
            Assert.IsFalse(html.Contains(external, StringComparison.OrdinalIgnoreCase), external);
        }
        foreach (string section in new[] { "Graph", "Layers", "Per-layer charts", "Passes", "Memory plan", "Fidelity", "Estimated latency and energy per target" })
        {
            StringAssert.Contains(html, $"<h2>{section}</h2>");
        }
        Assert.AreEqual(2 + 4 + 1, CountOf(html, "<svg "), "two graphs, four charts, the memory plan");
        StringAssert.Contains(html, "fuse-conv-activation");
        StringAssert.Contains(html, "99.4%");
        StringAssert.Contains(html, "60.0 µs");
    }

    [TestMethod]
    public void HtmlSaysWhichSectionsAreMissing()
    {
        string html = Encoding.UTF8.GetString(ReportHtmlWriter.Write(ReportSamples.Minimal(WorkloadAnalysisTests.Classifier())));
        StringAssert.Contains(html, "No pass pipeline ran");
        StringAssert.Contains(html, "No memory plan");
        StringAssert.Contains(html, "No fidelity figures");
        Assert.AreEqual(1 + 4, CountOf(html, "<svg "), "the graph after and four charts");
    }

    [TestMethod]
    public void NamesFromTheModelAreEscaped()
    {
        var builder = new ModelBuilder(opset: 13).Input("x</title><script>alert(1)</script>", 1, 4)
            .Node("Relu", ["x</title><script>alert(1)</script>"], ["y&<b>"])
            .Output("y&<b>");
        string html = Encoding.UTF8.GetString(ReportHtmlWriter.Write(ReportSamples.Full(ReportSamples.Load(builder))));
        Assert.IsFalse(html.Contains("<script>alert", StringComparison.Ordinal));
        StringAssert.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
        Assert.IsFalse(html.Contains("y&<b>", StringComparison.Ordinal));
    }

    [TestMethod]
    public void LargeGraphsStartCollapsed()
    {
        var network = ReportSamples.Load(NetworkBlocks.ResNetStyleNetwork(8, 8, blocks: 10));
        string html = Encoding.UTF8.GetString(ReportHtmlWriter.Write(ReportSamples.Full(network)));
        StringAssert.Contains(html, "<details id=\"graph-after\"><summary>");
        StringAssert.Contains(html, "(large: click to expand)");
        var small = Encoding.UTF8.GetString(ReportHtmlWriter.Write(ReportSamples.Full(WorkloadAnalysisTests.Classifier())));
        StringAssert.Contains(small, "<details id=\"graph-after\" open>");
    }

    [TestMethod]
    public void HeadlineSumsTheModelUp()
    {
        string line = ReportHtmlWriter.Headline(ReportSamples.Full(WorkloadAnalysisTests.Classifier()));
        Assert.AreEqual("O2 5 → 5 nodes, 1,432 parameters (5.6 KiB), 10,496 MACs, peak 12.0 KiB, ~" + line.Split('~')[1], line);
        StringAssert.EndsWith(line, " predicted / 60.0 µs measured (best 52.0 µs) on Test CPU");
    }

    [TestMethod]
    public void HeadlineKeepsAnotherBackendsTimeApartFromThePrediction()
    {
        // The build machine's row models the OpenMP library: a CUDA library's time is not held against it.
        var report = ReportSamples.Full(WorkloadAnalysisTests.Classifier());
        report = report with { Measured = report.Measured! with { Backend = "cuda" } };
        string line = ReportHtmlWriter.Headline(report);
        StringAssert.EndsWith(line, " predicted on Test CPU; the cuda library: 60.0 µs measured (best 52.0 µs)");
        string html = Encoding.UTF8.GetString(ReportHtmlWriter.Write(report));
        StringAssert.Contains(html, "not what the build machine's row above predicts");
        Assert.IsFalse(html.Contains("predicted / best", StringComparison.Ordinal));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
