using System.Collections.Concurrent;

namespace Aidge.Export.OpenMp.Plan;

/// <summary>Reads the hand-written C helpers embedded from OpenMp/Runtime/&lt;name&gt;.c.</summary>
public static class RuntimeSources
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Read(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(RuntimeSources).Assembly.GetManifestResourceStream($"Aidge.Export.OpenMp.Runtime.{n}.c")
            ?? throw new InvalidOperationException($"No embedded C helper '{n}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
