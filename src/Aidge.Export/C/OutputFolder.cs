using Aidge.Core.Diagnostics;

namespace Aidge.Export.C;

/// <summary>
/// The folder an export writes into, and nothing outside it: every path is checked to stay inside. Files are
/// written only when their bytes changed, so incremental builds see stable timestamps.
/// </summary>
public sealed class OutputFolder
{
    public OutputFolder(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    /// <summary>The full path of a file inside the folder; throws when the relative path would leave it.</summary>
    public string PathOf(string relativePath)
    {
        string full = Path.GetFullPath(Path.Combine(Root, relativePath));
        string rootWithSeparator = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{relativePath}' is outside the output folder {Root}.");
        }
        return full;
    }

    /// <summary>Writes the file unless it already holds these bytes; returns whether it wrote.</summary>
    public bool WriteIfChanged(string relativePath, ReadOnlySpan<byte> content, string? modelFile = null)
    {
        string path = PathOf(relativePath);
        try
        {
            if (File.Exists(path) && new FileInfo(path).Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
            {
                return false;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write beside, then move: a reader (or an interrupted build) never sees half a file.
            string temporary = path + ".tmp";
            File.WriteAllBytes(temporary, content.ToArray());
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AidgeException(DiagnosticCodes.OutputUnwritable, $"Cannot write {path}: {e.Message}", modelFile);
        }
    }
}
