using System.Diagnostics;
using Aidge.Simulation.Report.Html;
using Aidge.Simulation.Tests.Cost;
using Aidge.Testing;

namespace Aidge.Simulation.Tests.Report;

/// <summary>
/// report.html in a real browser: headless Chromium (Debian's <c>chromium</c>, which .ci/run installs) loads the page
/// from disk, runs its check script, and dumps the DOM; the check's marker must say every picture rendered, and the
/// browser's log must show no console error. Skipped, saying so, where Chromium is not installed.
/// </summary>
[TestClass]
public sealed class HeadlessChromiumTests
{
    private static readonly string[] Browsers = ["chromium", "chromium-browser", "google-chrome"];

    [TestMethod]
    public void SmallReportRendersWithoutErrors() => RendersWithoutErrors(ReportHtmlWriter.Write(ReportSamples.Full(WorkloadAnalysisTests.Classifier())));

    [TestMethod]
    public void LargeReportRendersWithoutErrors() =>
        RendersWithoutErrors(ReportHtmlWriter.Write(ReportSamples.Full(ReportSamples.Load(NetworkBlocks.ResNetStyleNetwork(8, 8, blocks: 10)))));

    private static void RendersWithoutErrors(byte[] html)
    {
        string? browser = Browsers.Select(OnPath).FirstOrDefault(p => p is not null);
        if (browser is null)
        {
            Assert.Inconclusive("Chromium is not installed (apt-get install -y chromium; .ci/run does it): the report was not rendered.");
        }
        var folder = Directory.CreateTempSubdirectory("aidge-report-");
        try
        {
            string page = Path.Combine(folder.FullName, "report.html");
            File.WriteAllBytes(page, html);
            var (dom, log) = Render(browser!, folder.FullName, new Uri(page).AbsoluteUri);
            StringAssert.Contains(dom, "id=\"aidge-report-check\"", $"the check script did not run; browser log: {log}");
            StringAssert.Contains(dom, "pictures rendered", $"the check failed: {Marker(dom)}");
            var errors = log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (string Dom, string Log) Render(string browser, string profile, string url)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={Path.Combine(profile, "profile")}", "--virtual-time-budget=5000", "--dump-dom", url,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 2 minutes.");
        }
        return (dom, error.Result);
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static string Marker(string dom)
    {
        int at = dom.IndexOf("aidge-report-check", StringComparison.Ordinal);
        return at < 0 ? "(no marker)" : dom[at..Math.Min(dom.Length, at + 160)];
    }
}
