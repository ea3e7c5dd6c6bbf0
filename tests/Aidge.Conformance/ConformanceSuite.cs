namespace Aidge.Conformance;

/// <summary>Finds and runs the cases of the ONNX backend test data, in parallel, in a stable order.</summary>
public static class ConformanceSuite
{
    public static readonly string[] Folders = { "node", "pytorch-converted", "pytorch-operator", "simple" };

    /// <summary>Per-case time limit: a kernel that loops forever must not hang the suite.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The data folder: <c>AIDGE_ONNX_TESTS</c>, else <c>../shared/onnx-backend-tests</c> beside the repository.</summary>
    public static string DataRoot()
    {
        string? configured = Environment.GetEnvironmentVariable("AIDGE_ONNX_TESTS");
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }
        return Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "onnx-backend-tests"));
    }

    /// <summary>The folder holding Aidge.Build.sln, found from this assembly's location.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aidge.Build.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }

    public static IReadOnlyList<CaseResult> Run(string dataRoot, IReadOnlyCollection<string> filters, Action<CaseResult>? progress = null) =>
        Run(dataRoot, filters, CaseRunner.Run, progress);

    /// <summary>
    /// Runs <paramref name="runCase"/> (folder, case directory, cancellation) on every selected case in parallel, each
    /// within the time limit: the simulator's run, or another check over the same cases (the passes' equivalence).
    /// </summary>
    public static IReadOnlyList<CaseResult> Run(
        string dataRoot, IReadOnlyCollection<string> filters, Func<string, string, CancellationToken, CaseResult> runCase, Action<CaseResult>? progress = null)
    {
        var cases = Cases(dataRoot, filters);
        var results = new CaseResult[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            results[i] = RunWithTimeout(cases[i].Folder, cases[i].Directory, runCase);
            progress?.Invoke(results[i]);
        });
        return results;
    }

    /// <summary>The cases whose "&lt;folder&gt;/&lt;case&gt;" contains any filter (all without filters), in a stable order.</summary>
    public static IReadOnlyList<(string Folder, string Directory)> Cases(string dataRoot, IReadOnlyCollection<string> filters) =>
        Folders
            .Where(f => Directory.Exists(Path.Combine(dataRoot, f)))
            .SelectMany(f => Directory.GetDirectories(Path.Combine(dataRoot, f)).Select(d => (Folder: f, Directory: d)))
            .Where(c => filters.Count == 0 || filters.Any(p => $"{c.Folder}/{Path.GetFileName(c.Directory)}".Contains(p, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Folder, StringComparer.Ordinal).ThenBy(c => c.Directory, StringComparer.Ordinal)
            .ToList();

    private static CaseResult RunWithTimeout(string folder, string directory, Func<string, string, CancellationToken, CaseResult> runCase)
    {
        using var cancellation = new CancellationTokenSource(CaseTimeout);
        var task = Task.Factory.StartNew(() => runCase(folder, directory, cancellation.Token), TaskCreationOptions.LongRunning);
        // The token stops the interpreter between nodes; the extra wait covers a single kernel that never returns.
        return task.Wait(CaseTimeout * 2)
            ? task.Result
            : new CaseResult(folder, Path.GetFileName(directory), CaseStatus.Failed, $"did not finish within {CaseTimeout.TotalSeconds:0} s");
    }
}
