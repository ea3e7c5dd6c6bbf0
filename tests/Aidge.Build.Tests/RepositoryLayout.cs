using System.Xml.Linq;

namespace Aidge.Build.Tests;

/// <summary>Where the repository is, found from the test assembly's folder (the folder that holds Aidge.Build.sln).</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The package sources the repository itself restores from, as (key, value) pairs of its nuget.config.</summary>
    public static IEnumerable<(string Key, string Value)> PackageSources()
    {
        var config = XDocument.Load(Path.Combine(Root, "nuget.config"));
        return config.Descendants("packageSources").Elements("add")
            .Select(source => ((string?)source.Attribute("key") ?? "", (string?)source.Attribute("value") ?? ""))
            .Where(source => source.Item1.Length > 0 && source.Item2.Length > 0);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Aidge.Build.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Aidge.Build.sln not found above {AppContext.BaseDirectory}");
    }
}
