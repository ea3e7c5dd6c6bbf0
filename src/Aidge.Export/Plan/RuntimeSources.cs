using System.Collections.Concurrent;

namespace Aidge.Export.Plan;

/// <summary>Reads the hand-written kernel sources embedded in this assembly (OpenMp/Runtime/*.c, Cuda/Runtime/*.cu, ...).</summary>
public static class RuntimeSources
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of the embedded resource <paramref name="resourceName"/> (its LogicalName in Aidge.Export.csproj).</summary>
    public static string Read(string resourceName) => Cache.GetOrAdd(resourceName, static n =>
    {
        using var stream = typeof(RuntimeSources).Assembly.GetManifestResourceStream(n)
            ?? throw new InvalidOperationException($"No embedded kernel source '{n}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
