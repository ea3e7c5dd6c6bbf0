namespace Aidge.Conformance;

/// <summary>Writes <c>simulator.txt</c>: one line per case, then per-folder and total summary lines.</summary>
public static class ConformanceReport
{
    public static IEnumerable<string> SummaryLines(IReadOnlyList<CaseResult> results)
    {
        foreach (var folder in ConformanceSuite.Folders)
        {
            var inFolder = results.Where(r => r.Folder == folder).ToList();
            if (inFolder.Count > 0)
            {
                yield return $"summary {folder}: {Count(inFolder, CaseStatus.Passed)} passed, {Count(inFolder, CaseStatus.Failed)} failed, {Count(inFolder, CaseStatus.Unsupported)} unsupported of {inFolder.Count}";
            }
        }
        yield return $"summary total: {Count(results, CaseStatus.Passed)} passed, {Count(results, CaseStatus.Failed)} failed, {Count(results, CaseStatus.Unsupported)} unsupported of {results.Count}";
    }

    public static void Write(string path, IReadOnlyList<CaseResult> results)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, results.Select(r => r.ToString()).Concat(SummaryLines(results)));
    }

    public static int Count(IEnumerable<CaseResult> results, CaseStatus status) => results.Count(r => r.Status == status);
}
