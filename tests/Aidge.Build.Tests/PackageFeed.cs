namespace Aidge.Build.Tests;

/// <summary>
/// The Aidge.Build package under test, packed once for all tests into a temporary local feed, with its own
/// NuGet cache (so a package of the same version from an earlier run is never reused). CI, which packs the package
/// anyway, can hand its folder over through AIDGE_PACKAGE_FEED instead.
/// </summary>
[TestClass]
public static class PackageFeed
{
    private static string? root;

    /// <summary>A temporary folder for this test run; everything the tests write goes under it.</summary>
    public static string Root => root ?? throw new InvalidOperationException("The package feed was not initialized.");

    public static string FeedDirectory { get; private set; } = "";

    public static string PackageVersion { get; private set; } = "";

    /// <summary>The environment every dotnet command of the tests runs with.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    [AssemblyInitialize]
    public static void Pack(TestContext context)
    {
        root = Directory.CreateTempSubdirectory("aidge-build-tests-").FullName;
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages") };
        var prebuilt = System.Environment.GetEnvironmentVariable("AIDGE_PACKAGE_FEED");
        if (!string.IsNullOrEmpty(prebuilt))
        {
            FeedDirectory = Path.GetFullPath(prebuilt);
        }
        else
        {
            FeedDirectory = Path.Combine(root, "feed");
            DotnetCli.Run(RepositoryLayout.Root, Environment,
                "pack", Path.Combine(RepositoryLayout.Root, "src", "Aidge.Build"), "-c", "Release", "-o", FeedDirectory).ShouldSucceed();
        }
        PackageVersion = FindVersion(FeedDirectory);
    }

    [AssemblyCleanup]
    public static void DeleteRoot()
    {
        if (root is not null && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string FindVersion(string feed)
    {
        const string prefix = "Aidge.Build.";
        var packages = Directory.GetFiles(feed, prefix + "*.nupkg")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name![prefix.Length..])
            .Where(version => char.IsAsciiDigit(version[0]))
            .ToArray();
        Assert.HasCount(1, packages, $"expected exactly one Aidge.Build package in {feed}");
        return packages[0];
    }
}
