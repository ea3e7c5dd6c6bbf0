using System.Globalization;

namespace Aidge.Build.Tests;

/// <summary>Reads what the consumer programs print: one line <c>PREFIX v0 v1 ...</c> of round-trip floats per result.</summary>
internal static class ProgramOutput
{
    public static float[] Values(string printed, string prefix)
    {
        var line = printed.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..].Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }
}
