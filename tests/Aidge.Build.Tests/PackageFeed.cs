namespace Aidge.Build.Tests;

/// <summary>
/// The Aidge.Build package under test, packed on first use and shared by all tests, in a temporary local feed
/// with its own NuGet cache (so a package of the same version from an earlier run is never reused). CI, which
/// packs the package anyway, can hand its folder over through AIDGE_PACKAGE_FEED instead.
/// </summary>
[TestClass]
public static class PackageFeed
{
    private static readonly Lazy<Feed> Shared = new(Pack);

    /// <summary>A temporary folder for this test run; everything the end-to-end tests write goes under it.</summary>
    public static string Root => Shared.Value.Root;

    public static string FeedDirectory => Shared.Value.Directory;

    public static string PackageVersion => Shared.Value.Version;

    /// <summary>The environment every dotnet command of the tests runs with.</summary>
    public static IReadOnlyDictionary<string, string> Environment => Shared.Value.Environment;

    [AssemblyCleanup]
    public static void DeleteRoot()
    {
        if (Shared.IsValueCreated && System.IO.Directory.Exists(Shared.Value.Root))
        {
            System.IO.Directory.Delete(Shared.Value.Root, recursive: true);
        }
    }

    private static Feed Pack()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("aidge-build-tests-").FullName;
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages") };
        var prebuilt = System.Environment.GetEnvironmentVariable("AIDGE_PACKAGE_FEED");
        var directory = string.IsNullOrEmpty(prebuilt) ? Path.Combine(root, "feed") : Path.GetFullPath(prebuilt);
        if (string.IsNullOrEmpty(prebuilt))
        {
            DotnetCli.Run(RepositoryLayout.Root, environment,
                "pack", Path.Combine(RepositoryLayout.Root, "src", "Aidge.Build"), "-c", "Release", "-o", directory).ShouldSucceed();
        }
        return new Feed(root, directory, FindVersion(directory), environment);
    }

    private static string FindVersion(string feed)
    {
        const string prefix = "Aidge.Build.";
        var packages = System.IO.Directory.GetFiles(feed, prefix + "*.nupkg")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name![prefix.Length..])
            .Where(version => char.IsAsciiDigit(version[0]))
            .ToArray();
        Assert.HasCount(1, packages, $"expected exactly one Aidge.Build package in {feed}");
        return packages[0];
    }

    private sealed record Feed(string Root, string Directory, string Version, IReadOnlyDictionary<string, string> Environment);
}
