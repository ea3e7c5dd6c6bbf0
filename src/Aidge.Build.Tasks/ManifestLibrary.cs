using System.Text.Json;

namespace Aidge.Build.Tasks;

/// <summary>
/// What the build needs from a manifest: the native library file, when the compiler built one. The generator
/// reads the rest of the manifest; the task reads only these two fields of the format-1 contract.
/// </summary>
internal static class ManifestLibrary
{
    /// <summary>The full path of the built library, or null when the manifest says it was not built.</summary>
    /// <exception cref="IOException">The manifest cannot be read.</exception>
    /// <exception cref="JsonException">The manifest is not the expected JSON.</exception>
    public static string? Find(string manifestPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var root = document.RootElement;
        var built = root.TryGetProperty("nativeBuilt", out var nativeBuilt) && nativeBuilt.ValueKind == JsonValueKind.True;
        if (!built || !root.TryGetProperty("library", out var library) || library.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var fileName = library.GetString()!;
        // The library must be a plain file name in the output folder; anything else is not ours to copy.
        if (fileName.Length == 0 || Path.GetFileName(fileName) != fileName)
        {
            throw new JsonException($"the manifest's \"library\" value '{fileName}' is not a file name");
        }
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, fileName);
    }
}
