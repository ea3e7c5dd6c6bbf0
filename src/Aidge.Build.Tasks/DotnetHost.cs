namespace Aidge.Build.Tasks;

/// <summary>
/// Finds the dotnet host that runs aidgec.dll: the one running this build (the SDK tells tasks through
/// DOTNET_HOST_PATH), else the first dotnet on PATH.
/// </summary>
internal static class DotnetHost
{
    public static string? Find()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "";
        return searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, executable))
            .FirstOrDefault(File.Exists);
    }
}
