using System.Security;
using System.Text.Json;

namespace Aidge.Build.Tests;

/// <summary>
/// A fresh console project in a temporary folder that uses Aidge.Build the way a user would: a PackageReference
/// restored from the test feed (nuget.config: that feed for Aidge.*, the repository's own sources for the rest)
/// and AidgeModel items.
/// </summary>
internal sealed class ConsumerProject
{
    public const string Name = "Consumer";
    private bool restored;

    private ConsumerProject(string directory) => Folder = directory;

    public string Folder { get; }

    public string ProjectFile => Path.Combine(Folder, Name + ".csproj");

    /// <summary>obj/Debug/net10.0/aidge: where the items' outputs go by default.</summary>
    public string AidgeOutputRoot => Path.Combine(Folder, "obj", "Debug", "net10.0", "aidge");

    public string OutputDirectory => Path.Combine(Folder, "bin", "Debug", "net10.0");

    public static ConsumerProject Create(string testName, string aidgeItems, string program)
    {
        var directory = Path.Combine(PackageFeed.Root, testName);
        Directory.CreateDirectory(directory);
        var project = new ConsumerProject(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NuGetConfig());
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        project.SetItems(aidgeItems);
        return project;
    }

    /// <summary>Rewrites the project file with other AidgeModel items (the metadata-change case).</summary>
    public void SetItems(string aidgeItems) => File.WriteAllText(ProjectFile, $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Aidge.Build" Version="{PackageFeed.PackageVersion}" PrivateAssets="all" />
          </ItemGroup>
          <ItemGroup>
            {aidgeItems}
          </ItemGroup>
        </Project>
        """);

    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    /// <summary><c>dotnet build</c> at normal verbosity, which logs skipped targets and the compiler command lines.</summary>
    public CommandResult Build(params string[] extraArguments)
    {
        string[] arguments = ["build", ProjectFile, "-v:n", .. restored ? ["--no-restore"] : Array.Empty<string>(), .. extraArguments];
        var result = DotnetCli.Run(Folder, PackageFeed.Environment, arguments);
        restored |= result.ExitCode == 0;
        return result;
    }

    public CommandResult Run() => DotnetCli.Run(Folder, PackageFeed.Environment, "run", "--project", ProjectFile, "--no-build");

    public CommandResult Publish(string outputDirectory) =>
        DotnetCli.Run(Folder, PackageFeed.Environment, "publish", ProjectFile, "--no-restore", "-o", outputDirectory);

    public CommandResult Clean() => DotnetCli.Run(Folder, PackageFeed.Environment, "clean", ProjectFile);

    /// <summary>The native library file name the manifest of <paramref name="manifestPath"/> names.</summary>
    public static string LibraryOf(string manifestPath)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        Assert.IsTrue(manifest.RootElement.GetProperty("nativeBuilt").GetBoolean(), $"the native library was not built: {File.ReadAllText(manifestPath)}");
        return manifest.RootElement.GetProperty("library").GetString()!;
    }

    private static string NuGetConfig()
    {
        var sources = RepositoryLayout.PackageSources().ToArray();
        string Escape(string text) => SecurityElement.Escape(text);
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="aidge-test-feed" value="{Escape(PackageFeed.FeedDirectory)}" />
                {string.Join("\n    ", sources.Select(s => $"<add key=\"{Escape(s.Key)}\" value=\"{Escape(s.Value)}\" />"))}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="aidge-test-feed"><package pattern="Aidge.*" /></packageSource>
                {string.Join("\n    ", sources.Select(s => $"<packageSource key=\"{Escape(s.Key)}\"><package pattern=\"*\" /></packageSource>"))}
              </packageSourceMapping>
            </configuration>
            """;
    }
}
