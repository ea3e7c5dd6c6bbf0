namespace Aidge.Onnx.Tests;

/// <summary>Locates the ONNX backend test data: <c>AIDGE_ONNX_TESTS</c>, else <c>../shared/onnx-backend-tests</c> beside the repository.</summary>
internal static class ConformanceData
{
    public static string Root()
    {
        string? configured = Environment.GetEnvironmentVariable("AIDGE_ONNX_TESTS");
        string root = !string.IsNullOrEmpty(configured) ? Path.GetFullPath(configured) : Path.Combine(RepositoryRoot(), "..", "shared", "onnx-backend-tests");
        if (!Directory.Exists(Path.Combine(root, "node")))
        {
            Assert.Inconclusive($"No ONNX conformance data at {root}: set AIDGE_ONNX_TESTS to the onnx-backend-tests folder.");
        }
        return Path.GetFullPath(root);
    }

    /// <summary>Every case's model.onnx, in a stable order.</summary>
    public static IEnumerable<string> Models(string root) =>
        Directory.GetDirectories(root)
            .SelectMany(Directory.GetDirectories)
            .Select(d => Path.Combine(d, "model.onnx"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);

    private static string RepositoryRoot()
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
}
